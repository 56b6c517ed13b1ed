package org.safepassage.cases.store;

import org.safepassage.cases.domain.CasesProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The cases module's scheduled work: deleting export requests past their retention. */
@Configuration(proxyBeanMethods = false)
class CaseJobs implements SchedulingConfigurer {

	private final CaseExports exports;

	private final CasesProperties properties;

	CaseJobs(CaseExports exports, CasesProperties properties) {
		this.exports = exports;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.exports::deleteOld, this.properties.cleanupInterval());
	}

}
