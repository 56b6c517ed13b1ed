package org.safepassage.system.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Forgets old sign-in failures and known addresses at the interval its settings name. */
@Configuration(proxyBeanMethods = false)
class SecurityJobs implements SchedulingConfigurer {

	private final SignInThrottle throttle;

	private final SignInProperties properties;

	SecurityJobs(SignInThrottle throttle, SignInProperties properties) {
		this.throttle = throttle;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.throttle::forgetOld, this.properties.cleanupInterval());
	}

}
