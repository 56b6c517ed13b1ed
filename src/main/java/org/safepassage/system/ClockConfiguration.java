package org.safepassage.system;

import java.time.Clock;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Everything that needs the time is given this bean, so
 * tests can set the time instead of waiting for it; form validation ("not in the future")
 * reads it too.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ValidationConfigurationCustomizer validationClock(Clock clock) {
		return configuration -> configuration.clockProvider(() -> clock);
	}

}
