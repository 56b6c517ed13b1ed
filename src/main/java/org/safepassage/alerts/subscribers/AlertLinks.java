package org.safepassage.alerts.subscribers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.system.SafePassageProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-subscriber links of every alert mail. The secret comes from
 * {@code safepassage.alerts.link-secret}, or else is generated once and kept in the
 * database, so every instance signs and checks alike.
 */
@Component
public class AlertLinks {

	private final JdbcClient jdbc;

	private final AlertsProperties properties;

	private final SafePassageProperties site;

	private volatile LinkSigner signer;

	AlertLinks(JdbcClient jdbc, AlertsProperties properties, SafePassageProperties site) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.site = site;
	}

	public String preferencesPath(long subscriberId) {
		return "/alerts/preferences/" + subscriberId + "/"
				+ signer().sign(LinkSigner.Purpose.PREFERENCES, subscriberId);
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

	public boolean verify(LinkSigner.Purpose purpose, long subscriberId, String signature) {
		return signer().verify(purpose, subscriberId, signature);
	}

	public String link(String path) {
		return site.link(path);
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
