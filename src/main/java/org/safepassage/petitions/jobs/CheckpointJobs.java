package org.safepassage.petitions.jobs;

import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.pack.Checkpoints;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks every {@code checkpoint-check-interval} for daily checkpoints that are due (the
 * time of day is {@code checkpoint-at}, read from the application's clock, so tests and
 * every instance agree on it). Safe on several instances: see {@link Checkpoints}.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointJobs implements SchedulingConfigurer {

	private final PetitionsProperties properties;

	private final Checkpoints checkpoints;

	CheckpointJobs(PetitionsProperties properties, Checkpoints checkpoints) {
		this.properties = properties;
		this.checkpoints = checkpoints;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(checkpoints::recordDue, properties.pack().checkpointCheckInterval());
	}

}
