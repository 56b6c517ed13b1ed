package org.safepassage.alerts.delivery;

import org.safepassage.alerts.domain.AlertsProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The alerts module's scheduled work, timed from {@link AlertsProperties}: the sender's
 * round every {@code sending.poll-interval}, each starting when the last one ended.
 */
@Configuration(proxyBeanMethods = false)
class AlertJobs implements SchedulingConfigurer {

	private final AlertSender sender;

	private final AlertsProperties properties;

	AlertJobs(AlertSender sender, AlertsProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(sender::tick, properties.sending().pollInterval());
	}

}
