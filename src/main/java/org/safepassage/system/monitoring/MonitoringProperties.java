package org.safepassage.system.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the operations checks warn about and how often they look.
 *
 * @param diskWarnBelow warn admins when the database's disk has less free space than this
 * @param diskWarnBelowPercent … or less than this share of its size free
 * @param diskCheckInterval how often the free space is checked (and a change logged) when
 * nobody reads health, metrics or admin pages
 * @param mailProbeInterval how often the SMTP server is asked whether it answers
 * @param mailProbeTimeout how long one such question may take before the server counts as
 * unreachable
 * @param gaugeCacheTtl how long a figure read from the database (mail queue, bounces) is
 * reused, so frequent scrapes cost one query per period
 * @param scrapeToken a secret (16+ characters) a Prometheus server sends as a bearer
 * token to read {@code /actuator/prometheus}; unset, only signed-in admins may
 */
@ConfigurationProperties("safepassage.monitoring")
record MonitoringProperties(@DefaultValue("1GB") DataSize diskWarnBelow, @DefaultValue("10") int diskWarnBelowPercent,
		@DefaultValue("30s") Duration diskCheckInterval, @DefaultValue("30s") Duration mailProbeInterval,
		@DefaultValue("10s") Duration mailProbeTimeout, @DefaultValue("5s") Duration gaugeCacheTtl,
		String scrapeToken) {

	MonitoringProperties {
		if (diskWarnBelowPercent < 0 || diskWarnBelowPercent > 100) {
			throw new IllegalArgumentException("safepassage.monitoring.disk-warn-below-percent must be 0 to 100");
		}
		if (scrapeToken != null && scrapeToken.isBlank()) {
			scrapeToken = null;
		}
		if (scrapeToken != null && scrapeToken.length() < 16) {
			throw new IllegalArgumentException("safepassage.monitoring.scrape-token needs at least 16 characters");
		}
	}
}
