package org.safepassage.petitions.signing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Per-address limits per petition. A signature over a limit is stored and flagged, never
 * counted, and its signer sees the usual answer. Shared addresses (a church hall, a
 * campus) go on the allow-list as CIDRs.
 */
@ConfigurationProperties("safepassage.petitions.limits")
record SignatureLimits(@DefaultValue("true") boolean enabled, @DefaultValue("3") int burst,
		@DefaultValue("60s") Duration burstWindow, @DefaultValue("10") int sustained,
		@DefaultValue("5m") Duration sustainedWindow, @DefaultValue List<String> allowList) {

	SignatureLimits {
		allowList = List.copyOf(allowList);
		allowList.forEach(IpAddressMatcher::new); // fail at start-up on a malformed entry
	}

	List<IpAddressMatcher> allowListMatchers() {
		return allowList.stream().map(IpAddressMatcher::new).toList();
	}

	/**
	 * Why a signature from an address that already has these recent signatures is
	 * flagged, or null.
	 */
	String flagReason(long inBurstWindow, long inSustainedWindow) {
		if (inBurstWindow >= burst) {
			return "ip-burst";
		}
		if (inSustainedWindow >= sustained) {
			return "ip-sustained";
		}
		return null;
	}
}
