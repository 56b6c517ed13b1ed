package org.safepassage.system.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Lets a Prometheus server read {@code /actuator/prometheus} with
 * {@code Authorization: Bearer <safepassage.monitoring.scrape-token>}: a scraper cannot
 * sign in as staff (password, second factor). Without the setting only admins may read.
 */
@Component
public class PrometheusScraper implements AuthorizationManager<RequestAuthorizationContext> {

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	PrometheusScraper(MonitoringProperties properties) {
		this.token = properties.scrapeToken() == null ? null
				: properties.scrapeToken().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		String header = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
		boolean granted = token != null && header != null && header.startsWith(BEARER) && MessageDigest.isEqual(token,
				header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8));
		return new AuthorizationDecision(granted);
	}

}
