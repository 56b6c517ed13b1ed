package org.safepassage.petitions.jobs;

import org.safepassage.petitions.delivery.SignerUpdates;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.retention.SignatureRetention;
import org.safepassage.petitions.signing.SignatureCounts;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The module's background jobs, at the intervals of {@link PetitionsProperties}. Every
 * instance runs them; each job is safe to run on several instances at once.
 */
@Configuration(proxyBeanMethods = false)
class PetitionJobs implements SchedulingConfigurer {

	private final PetitionsProperties properties;

	private final SignatureCounts counts;

	private final PetitionAdministration administration;

	private final SignerUpdates updates;

	private final SignatureRetention retention;

	PetitionJobs(PetitionsProperties properties, SignatureCounts counts, PetitionAdministration administration,
			SignerUpdates updates, SignatureRetention retention) {
		this.properties = properties;
		this.counts = counts;
		this.administration = administration;
		this.updates = updates;
		this.retention = retention;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(counts::foldConfirmations, properties.countInterval());
		registrar.addFixedDelayTask(
				new FixedDelayTask(counts::recount, properties.recountInterval(), properties.recountInterval()));
		registrar.addFixedDelayTask(administration::closePetitionsPastTheirDate, properties.closeCheckInterval());
		registrar.addFixedDelayTask(updates::queueDue, properties.updates().interval());
		// Once a day, at the configured time in the campaign's zone.
		var runAt = properties.retention().runAt();
		registrar.addTriggerTask(retention::runIfEnabled,
				new CronTrigger("0 %d %d * * *".formatted(runAt.getMinute(), runAt.getHour()), properties.zone()));
	}

}
