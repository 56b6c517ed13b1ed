package org.safepassage.booklets.fulfilment;

import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.ordering.OrderAttempts;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The module's background jobs, at the intervals of {@link BookletsProperties}: removing
 * expired orders and old details, and forgetting order requests once they no longer count
 * towards the per-address limits. Both are single statements, safe on several instances
 * at once.
 */
@Configuration(proxyBeanMethods = false)
class BookletJobs implements SchedulingConfigurer {

	private final BookletsProperties properties;

	private final Retention retention;

	private final OrderAttempts attempts;

	BookletJobs(BookletsProperties properties, Retention retention, OrderAttempts attempts) {
		this.properties = properties;
		this.retention = retention;
		this.attempts = attempts;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(retention::run, properties.retentionInterval());
		registrar.addFixedDelayTask(attempts::forgetOld, properties.limits().memory());
	}

}
