package org.safepassage.system.mail.sending;

import java.time.Clock;
import java.time.Duration;

import org.safepassage.system.mail.MailProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sending, timed from {@code safepassage.mail}: the outbox's due mail every
 * {@code poll-interval} (each round starting when the last one ended), and closing
 * connections left idle, and erasing failed mail kept past {@code keep-failed}.
 */
@Configuration(proxyBeanMethods = false)
class SendingJobs implements SchedulingConfigurer {

	private final MailEngine engine;

	private final OutboxSource outbox;

	private final MailProperties properties;

	private final Clock clock;

	SendingJobs(MailEngine engine, OutboxSource outbox, MailProperties properties, Clock clock) {
		this.clock = clock;
		this.engine = engine;
		this.outbox = outbox;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> engine.deliverDue(outbox), properties.pollInterval());
		registrar.addFixedDelayTask(engine::closeIdleConnections, properties.idleClose().dividedBy(2));
		registrar.addFixedDelayTask(() -> outbox.eraseFailedBefore(clock.instant().minus(properties.keepFailed())),
				Duration.ofHours(1));
	}

}
