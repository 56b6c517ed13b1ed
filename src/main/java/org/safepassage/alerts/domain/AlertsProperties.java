package org.safepassage.alerts.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alerts module. {@code linkSecret} signs preference and unsubscribe
 * links; when blank, one is generated once and kept in the database so every instance
 * shares it.
 */
@ConfigurationProperties("safepassage.alerts")
public record AlertsProperties(String linkSecret, @DefaultValue("Europe/London") ZoneId zone, @DefaultValue( {
		"en", "ko", "zh-Hans", "zh-Hant" }) List<String> languages, @DefaultValue("14d") Duration confirmationTtl,
		@DefaultValue("3") int confirmationMails, @DefaultValue Sending sending,
		@DefaultValue PreferenceLinks preferenceLinks, @DefaultValue Prayers prayers){

	/**
	 * How often the alert sender's round starts due alerts, hands their deliveries to the
	 * mail engine and finishes what is done. Connections, batches, retries, leases and
	 * pacing are the mail engine's, the same for every mail ({@code safepassage.mail.*}).
	 */
	public record Sending(@DefaultValue("1s") Duration pollInterval) {
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
			Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
			String language = locale.getLanguage();
			String script = locale.getScript();
			if (script.isEmpty() && "zh".equals(language)) {
				// Chinese without a script: Taiwan, Hong Kong and Macau read Traditional.
				script = List.of("TW", "HK", "MO").contains(locale.getCountry()) ? "Hant" : "Hans";
			}
			for (String candidate : List.of(language + "-" + script, language)) {
				if (languages.contains(candidate)) {
					return candidate;
				}
			}
		}
		return languages.getFirst();
	}
}
