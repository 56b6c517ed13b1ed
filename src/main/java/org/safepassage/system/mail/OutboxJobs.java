package org.safepassage.system.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the outbox worker at the interval its settings name. */
@Configuration(proxyBeanMethods = false)
class OutboxJobs implements SchedulingConfigurer {

	private final OutboxWorker worker;

	private final MailProperties properties;

	OutboxJobs(OutboxWorker worker, MailProperties properties) {
		this.worker = worker;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.worker::sendDueMail, this.properties.pollInterval());
	}

}
