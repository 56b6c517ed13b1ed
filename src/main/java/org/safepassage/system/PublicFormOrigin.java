package org.safepassage.system;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Where a public form was sent from, as the browser says, in place of a CSRF token: the
 * public forms need no cookie (a supporter's may be gone or blocked), yet a page on
 * another site should not be able to make its visitors' browsers sign or subscribe, which
 * would spread one sender over many client addresses and around the per-address limits.
 * <p>
 * Browsers since 2023 send {@code Sec-Fetch-Site}: only {@code same-origin} (or
 * {@code none}, typed by the user) counts as ours. Older ones send {@code Origin} on a
 * POST: it must name this site, as the request's {@code Host} or the public base URL. A
 * request with neither header (an old browser, or a program, which could send anything
 * anyway) is taken as it is. A form refused here is shown again with what was typed, to
 * be sent from our own page.
 */
@Component
public class PublicFormOrigin {

	private final URI site;

	PublicFormOrigin(SafePassageProperties properties) {
		this.site = URI.create(properties.baseUrl());
	}

	public boolean sentFromAnotherSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			String value = fetchSite.strip().toLowerCase(Locale.ROOT);
			return !value.equals("same-origin") && !value.equals("none");
		}
		String origin = request.getHeader("Origin");
		return origin != null && !isThisSite(origin.strip(), request);
	}

	private boolean isThisSite(String origin, HttpServletRequest request) {
		URI from;
		try {
			from = URI.create(origin);
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		if (from.getHost() == null || from.getScheme() == null) {
			return false; // "null": a sandboxed frame, a file, a redirect from elsewhere
		}
		String scheme = from.getScheme().toLowerCase(Locale.ROOT);
		String authority = from.getHost().toLowerCase(Locale.ROOT) + ":" + port(scheme, from.getPort());
		String host = request.getHeader("Host");
		String requested = host != null ? host : request.getServerName() + ":" + request.getServerPort();
		return authority.equals(withPort(scheme, requested)) || (site.getHost() != null && authority
			.equals(site.getHost().toLowerCase(Locale.ROOT) + ":" + port(site.getScheme(), site.getPort())));
	}

	private static String withPort(String scheme, String hostAndPort) {
		String value = hostAndPort.strip().toLowerCase(Locale.ROOT);
		int colon = value.lastIndexOf(':');
		boolean hasPort = colon > value.lastIndexOf(']');
		return hasPort ? value : value + ":" + port(scheme, -1);
	}

	private static int port(String scheme, int port) {
		if (port >= 0) {
			return port;
		}
		return "https".equalsIgnoreCase(scheme) ? 443 : 80;
	}

}
