package org.safepassage.alerts.subscribers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.shared.ClientAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribe requests by client address, for {@link SubscriptionLimits}. Every request is
 * recorded, so an address that keeps sending stays over the limits.
 */
@Component
public class SubscribeAttempts {

	private final JdbcClient jdbc;

	private final SubscriptionLimits limits;

	private final List<IpAddressMatcher> allowList;

	private final Clock clock;

	SubscribeAttempts(JdbcClient jdbc, SubscriptionLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.allowList = limits.allowListMatchers();
		this.clock = clock;
	}

	/**
	 * Records a request from this address and says whether it goes over the limits;
	 * anything but an IP literal, and allow-listed addresses, are never limited.
	 */
	boolean overLimits(String address) {
		String ip = ClientAddress.orNull(address);
		if (!limits.enabled() || ip == null || allowList.stream().anyMatch(m -> m.matches(ip))) {
			return false;
		}
		Instant now = clock.instant();
		boolean over = jdbc.sql(AlertQueries.RECENT_SUBSCRIBE_ATTEMPTS)
			.param("ip", ip)
			.param("burstSince", Timestamp.from(now.minus(limits.burstWindow())))
			.param("sustainedSince", Timestamp.from(now.minus(limits.sustainedWindow())))
			.query((rs, n) -> limits.isOver(rs.getLong("in_burst"), rs.getLong("in_sustained")))
			.single();
		jdbc.sql(AlertQueries.RECORD_SUBSCRIBE_ATTEMPT).param("ip", ip).param("at", Timestamp.from(now)).update();
		return over;
	}

	/** Attempts older than the longer window no longer count. */
	@Transactional
	public void forgetOld() {
		jdbc.sql(AlertQueries.FORGET_SUBSCRIBE_ATTEMPTS)
			.param("before", Timestamp.from(clock.instant().minus(limits.memory())))
			.update();
	}

}
