package org.safepassage.system.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The mail module's scheduled work, timed from its settings: the outbox worker, and
 * forgetting the mailbox cap's earlier days.
 */
@Configuration(proxyBeanMethods = false)
class OutboxJobs implements SchedulingConfigurer {

	private final OutboxWorker worker;

	private final MailProperties properties;

	private final MailboxCap mailboxCap;

	private final MailboxCapProperties mailboxCapProperties;

	OutboxJobs(OutboxWorker worker, MailProperties properties, MailboxCap mailboxCap,
			MailboxCapProperties mailboxCapProperties) {
		this.worker = worker;
		this.properties = properties;
		this.mailboxCap = mailboxCap;
		this.mailboxCapProperties = mailboxCapProperties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.worker::sendDueMail, this.properties.pollInterval());
		registrar.addFixedDelayTask(this.mailboxCap::forgetEarlierDays, this.mailboxCapProperties.cleanupInterval());
	}

}
