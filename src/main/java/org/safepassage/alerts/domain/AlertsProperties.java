package org.safepassage.alerts.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.safepassage.shared.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alerts module. {@code linkSecret} signs preference and unsubscribe
 * links; when blank, one is generated once and kept in the database so every instance
 * shares it.
 */
@ConfigurationProperties("safepassage.alerts")
public record AlertsProperties(String linkSecret, @DefaultValue("Europe/London") ZoneId zone,
		@DefaultValue("en") List<String> languages, @DefaultValue("14d") Duration confirmationTtl,
		@DefaultValue("3") int confirmationMails, @DefaultValue Sending sending,
		@DefaultValue PreferenceLinks preferenceLinks, @DefaultValue Prayers prayers) {

	/**
	 * How alerts are sent. {@code connections} SMTP connections are each held open for a
	 * whole run and reused for every message; {@code ratePerSecond} caps all of them
	 * together (0: no cap). With {@code durableMarks} false, "sent" marks are committed
	 * without waiting for the disk flush: a crash of the application loses none of them
	 * (PostgreSQL keeps running and writes them), a crash of the database server or
	 * machine can lose the last fraction of a second of marks, which are then sent again
	 * with the same Message-ID.
	 */
	public record Sending(@DefaultValue("4") int connections, @DefaultValue("50") double ratePerSecond,
			@DefaultValue("100") int batchSize, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("2m") Duration lease, @DefaultValue("8") int maxAttempts,
			@DefaultValue("30s") Duration firstRetryDelay, @DefaultValue("1h") Duration maxRetryDelay,
			@DefaultValue("false") boolean durableMarks) {

		public Duration retryDelay(int attemptsSoFar) {
			return Backoff.exponential(firstRetryDelay, maxRetryDelay, attemptsSoFar);
		}
	}

	/**
	 * The signed links to a subscriber's settings, which show their address: each works
	 * for {@code lifetime} (counted in whole days from the day it was issued); an expired
	 * one can ask for a fresh link by email, at most once per {@code resendInterval} per
	 * subscriber. Unsubscribe links never expire.
	 */
	public record PreferenceLinks(@DefaultValue("90d") Duration lifetime, @DefaultValue("1h") Duration resendInterval) {

		public long lifetimeDays() {
			return Math.max(1, lifetime.toDays());
		}
	}

	/**
	 * "I prayed" is counted at most once per browser (a cookie) and at most
	 * {@code perAddress} times per client address (IPv6: per /64) per alert per day;
	 * {@code tracked} bounds how many (alert, address) pairs are remembered.
	 */
	public record Prayers(@DefaultValue("3") int perAddress, @DefaultValue("100000") int tracked) {
	}

	/**
	 * A language we publish alerts in, from whatever a browser or a signature says; else
	 * the first one.
	 */
	public String language(String tag) {
		if (tag != null) {
			String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
			if (languages.contains(language)) {
				return language;
			}
		}
		return languages.getFirst();
	}
}
