package org.safepassage.system.mail.bounces;

import org.safepassage.system.mail.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reads the bounce mailbox every {@code safepassage.mail.bounces.interval}, when one is
 * configured. A failed reading (server away, wrong password) is logged and retried at the
 * next interval.
 */
@Configuration(proxyBeanMethods = false)
class BounceJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(BounceJobs.class);

	private final BounceMailboxProperties properties;

	private final BounceMailbox mailbox;

	BounceJobs(BounceMailboxProperties properties, Suppressions suppressions) {
		this.properties = properties;
		this.mailbox = new BounceMailbox(properties, suppressions);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (properties.enabled()) {
			registrar.addFixedDelayTask(this::read, properties.interval());
		}
	}

	private void read() {
		try {
			mailbox.read();
		}
		catch (Exception e) {
			log.warn("Bounce mailbox {}://{} could not be read: {}", properties.protocol().storeName(),
					properties.host(), e.toString());
		}
	}

}
