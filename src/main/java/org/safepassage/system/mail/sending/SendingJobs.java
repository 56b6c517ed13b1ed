package org.safepassage.system.mail.sending;

import org.safepassage.system.mail.MailProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sending, timed from {@code safepassage.mail}: the outbox's due mail every
 * {@code poll-interval} (each round starting when the last one ended), and closing
 * connections left idle.
 */
@Configuration(proxyBeanMethods = false)
class SendingJobs implements SchedulingConfigurer {

	private final MailEngine engine;

	private final OutboxSource outbox;

	private final MailProperties properties;

	SendingJobs(MailEngine engine, OutboxSource outbox, MailProperties properties) {
		this.engine = engine;
		this.outbox = outbox;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> engine.deliverDue(outbox), properties.pollInterval());
		registrar.addFixedDelayTask(engine::closeIdleConnections, properties.idleClose().dividedBy(2));
	}

}
