package org.safepassage.booklets.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.store.BookletQueries;
import org.safepassage.shared.ClientAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order requests by client address, for the per-address limits
 * ({@link BookletsProperties.Limits}), like those on subscribing. Every request is
 * recorded, so an address that keeps sending stays over the limits.
 */
@Component
public class OrderAttempts {

	private final JdbcClient jdbc;

	private final BookletsProperties.Limits limits;

	private final List<IpAddressMatcher> allowList;

	private final Clock clock;

	OrderAttempts(JdbcClient jdbc, BookletsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.limits = properties.limits();
		this.allowList = limits.allowList().stream().map(IpAddressMatcher::new).toList();
		this.clock = clock;
	}

	/**
	 * Records a request from this address and says whether it goes over the limits;
	 * anything but an IP literal, and allow-listed addresses, are never limited.
	 */
	@Transactional
	boolean overLimits(String address) {
		String ip = ClientAddress.orNull(address);
		if (!limits.enabled() || ip == null || allowList.stream().anyMatch(m -> m.matches(ip))) {
			return false;
		}
		Instant now = clock.instant();
		Instant burstSince = now.minus(limits.burstWindow());
		Instant sustainedSince = now.minus(limits.sustainedWindow());
		boolean over = jdbc.sql(BookletQueries.RECENT_ATTEMPTS)
			.param("ip", ip)
			.param("burstSince", Timestamp.from(burstSince))
			.param("sustainedSince", Timestamp.from(sustainedSince))
			.param("since", Timestamp.from(burstSince.isBefore(sustainedSince) ? burstSince : sustainedSince))
			.query((rs, n) -> limits.isOver(rs.getLong("in_burst"), rs.getLong("in_sustained")))
			.single();
		jdbc.sql(BookletQueries.RECORD_ATTEMPT).param("ip", ip).param("at", Timestamp.from(now)).update();
		return over;
	}

	/** Attempts older than the longer window no longer count. */
	@Transactional
	public void forgetOld() {
		jdbc.sql(BookletQueries.FORGET_ATTEMPTS)
			.param("before", Timestamp.from(clock.instant().minus(limits.memory())))
			.update();
	}

}
