package org.safepassage.alerts.subscribers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.system.SafePassageProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-subscriber links of every alert mail. The secret comes from
 * {@code safepassage.alerts.link-secret}, or else is generated once and kept in the
 * database, so every instance signs and checks alike.
 * <p>
 * A preferences link shows the subscriber's address, so it is dated and expires (see
 * {@link AlertsProperties.PreferenceLinks}). An unsubscribe link is not dated and never
 * expires: mail clients offer RFC 8058 one-click unsubscribe for as long as the mail is
 * kept, bulk-mail rules expect it to work long after sending, and all it can do is stop
 * mail to the address it was sent to; its page shows nothing about the subscriber.
 */
@Component
public class AlertLinks {

	private final JdbcClient jdbc;

	private final AlertsProperties properties;

	private final SafePassageProperties site;

	private final Clock clock;

	private volatile LinkSigner signer;

	AlertLinks(JdbcClient jdbc, AlertsProperties properties, SafePassageProperties site, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	/** A link issued today. */
	public String preferencesPath(long subscriberId) {
		return "/alerts/preferences/" + subscriberId + "/"
				+ signer().signDated(LinkSigner.Purpose.PREFERENCES, subscriberId, today());
	}

	public String unsubscribePath(long subscriberId) {
		return "/alerts/unsubscribe/" + subscriberId + "/"
				+ signer().sign(LinkSigner.Purpose.UNSUBSCRIBE, subscriberId);
	}

	public String preferencesUrl(long subscriberId) {
		return site.link(preferencesPath(subscriberId));
	}

	public String unsubscribeUrl(long subscriberId) {
		return site.link(unsubscribePath(subscriberId));
	}

	/**
	 * The settings page in the subscriber's language ({@code /ko/alerts/preferences/…}).
	 */
	public String preferencesUrl(long subscriberId, Locale locale) {
		return site.link(preferencesPath(subscriberId), locale);
	}

	/**
	 * The unsubscribe page in the subscriber's language; the one-click header keeps
	 * {@link #unsubscribeUrl(long)}.
	 */
	public String unsubscribeUrl(long subscriberId, Locale locale) {
		return site.link(unsubscribePath(subscriberId), locale);
	}

	/**
	 * Whether {@code link}, the last part of a preferences path, is ours and still valid.
	 */
	public LinkSigner.Check checkPreferences(long subscriberId, String link) {
		return signer().check(LinkSigner.Purpose.PREFERENCES, subscriberId, link, today(),
				properties.preferenceLinks().lifetimeDays());
	}

	public boolean verifyUnsubscribe(long subscriberId, String signature) {
		return signer().verify(LinkSigner.Purpose.UNSUBSCRIBE, subscriberId, signature);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	public String link(String path) {
		return site.link(path);
	}

	/** The page at {@code path} in a language ({@code /ko/alerts/3}), for mail in it. */
	public String link(String path, Locale locale) {
		return site.link(path, locale);
	}

	/** The host of the public address, for Message-IDs and List-Id. */
	public String host() {
		String known = host;
		if (known == null) {
			known = parseHost();
			host = known;
		}
		return known;
	}

	private volatile String host;

	private String parseHost() {
		try {
			String host = URI.create(site.baseUrl()).getHost();
			return host == null ? "safepassage.localhost" : host;
		}
		catch (IllegalArgumentException e) {
			return "safepassage.localhost";
		}
	}

	private LinkSigner signer() {
		LinkSigner current = signer;
		if (current == null) {
			synchronized (this) {
				if (signer == null) {
					signer = new LinkSigner(secret());
				}
				current = signer;
			}
		}
		return current;
	}

	private byte[] secret() {
		String configured = properties.linkSecret();
		if (configured != null && !configured.isBlank()) {
			return configured.getBytes(StandardCharsets.UTF_8);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		jdbc.sql(AlertQueries.CREATE_SECRET).param("secret", random).update();
		return jdbc.sql(AlertQueries.SECRET).query(byte[].class).single();
	}

}
