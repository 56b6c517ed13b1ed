package org.safepassage.cases.store;

import org.safepassage.cases.domain.CasesProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The cases module's scheduled work: deleting export requests past their retention, and
 * the daily review and erasure of protected parts ({@link CaseRetentions}).
 */
@Configuration(proxyBeanMethods = false)
class CaseJobs implements SchedulingConfigurer {

	private final CaseExports exports;

	private final CaseRetentions retentions;

	private final CasesProperties properties;

	CaseJobs(CaseExports exports, CaseRetentions retentions, CasesProperties properties) {
		this.exports = exports;
		this.retentions = retentions;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.exports::deleteOld, this.properties.cleanupInterval());
		var retention = this.properties.retention();
		registrar.addTriggerTask(this.retentions::runIfEnabled,
				new CronTrigger("0 %d %d * * *".formatted(retention.runAt().getMinute(), retention.runAt().getHour()),
						retention.zone()));
	}

}
