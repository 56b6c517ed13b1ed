package org.safepassage.system.sealing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * After a rotation, re-wraps the data keys still wrapped by an older key, batch by batch,
 * every {@link SealingProperties#rewrapEvery()}. Several instances may run it at once: a
 * batch claims its rows with {@code SKIP LOCKED}.
 */
@Configuration(proxyBeanMethods = false)
class SealingJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SealingJobs.class);

	private final Sealing sealing;

	private final SealingProperties properties;

	SealingJobs(Sealing sealing, SealingProperties properties) {
		this.sealing = sealing;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::rewrap, this.properties.rewrapEvery());
	}

	/** Re-wraps batch after batch until none is left; returns how many. */
	int rewrap() {
		int total = 0;
		try {
			int batch;
			do {
				batch = this.sealing.rewrapStaleDataKeys(this.properties.rewrapBatch());
				total += batch;
			}
			while (batch == this.properties.rewrapBatch());
		}
		catch (RuntimeException ex) {
			log.error("Re-wrapping data keys with the new sealing key failed after {}: {}", total, ex.getMessage(), ex);
		}
		if (total > 0) {
			log.info("Re-wrapped {} data keys with the primary sealing key; {} left.", total,
					this.sealing.staleDataKeys());
		}
		return total;
	}

}
