package org.safepassage.system.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The mail module's scheduled work, timed from its settings: forgetting the mailbox cap's
 * earlier days (sending is scheduled in {@code sending.SendingJobs}).
 */
@Configuration(proxyBeanMethods = false)
class OutboxJobs implements SchedulingConfigurer {

	private final MailboxCap mailboxCap;

	private final MailboxCapProperties mailboxCapProperties;

	OutboxJobs(MailboxCap mailboxCap, MailboxCapProperties mailboxCapProperties) {
		this.mailboxCap = mailboxCap;
		this.mailboxCapProperties = mailboxCapProperties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.mailboxCap::forgetEarlierDays, this.mailboxCapProperties.cleanupInterval());
	}

}
