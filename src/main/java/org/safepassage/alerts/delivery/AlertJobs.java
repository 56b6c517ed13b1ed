package org.safepassage.alerts.delivery;

import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.alerts.subscribers.SubscribeAttempts;
import org.safepassage.alerts.subscribers.SubscriptionLimits;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The alerts module's scheduled work, timed from its settings: the sender's round every
 * {@code sending.poll-interval}, each starting when the last one ended, and forgetting
 * subscribe requests once they no longer count towards the per-address limits.
 */
@Configuration(proxyBeanMethods = false)
class AlertJobs implements SchedulingConfigurer {

	private final AlertSender sender;

	private final AlertsProperties properties;

	private final SubscribeAttempts attempts;

	private final SubscriptionLimits limits;

	AlertJobs(AlertSender sender, AlertsProperties properties, SubscribeAttempts attempts, SubscriptionLimits limits) {
		this.sender = sender;
		this.properties = properties;
		this.attempts = attempts;
		this.limits = limits;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(sender::tick, properties.sending().pollInterval());
		registrar.addFixedDelayTask(attempts::forgetOld, limits.memory());
	}

}
