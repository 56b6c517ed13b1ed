package org.safepassage.alerts.subscribers;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Per-address limits on subscribing, across the whole site, like those on signing. A
 * request over a limit is answered as usual and changes and mails nothing. Shared
 * addresses (a church hall, a campus) go on the allow-list as CIDRs.
 */
@ConfigurationProperties("safepassage.alerts.limits")
public record SubscriptionLimits(@DefaultValue("true") boolean enabled, @DefaultValue("3") int burst,
		@DefaultValue("60s") Duration burstWindow, @DefaultValue("10") int sustained,
		@DefaultValue("5m") Duration sustainedWindow, @DefaultValue List<String> allowList) {

	public SubscriptionLimits {
		allowList = List.copyOf(allowList);
		allowList.forEach(IpAddressMatcher::new); // fail at start-up on a malformed entry
	}

	List<IpAddressMatcher> allowListMatchers() {
		return allowList.stream().map(IpAddressMatcher::new).toList();
	}

	boolean isOver(long inBurstWindow, long inSustainedWindow) {
		return inBurstWindow >= burst || inSustainedWindow >= sustained;
	}

	/** How long an attempt counts: the longer window. */
	public Duration memory() {
		return burstWindow.compareTo(sustainedWindow) > 0 ? burstWindow : sustainedWindow;
	}
}
