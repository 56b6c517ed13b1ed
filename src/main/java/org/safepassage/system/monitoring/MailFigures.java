package org.safepassage.system.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail queue and the suppression list as numbers, read at most once per
 * {@code gauge-cache-ttl}; while the database is away the last figures stay.
 */
@Component
class MailFigures {

	/** Reasons an address is suppressed, each reported even at zero. */
	static final String[] SUPPRESSION_REASONS = { "HARD_BOUNCE", "COMPLAINT", "ADDED_BY_STAFF" };

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MonitoringProperties properties;

	private volatile Figures figures = new Figures(0, 0, Map.of(), Instant.MIN);

	MailFigures(JdbcClient jdbc, Clock clock, MonitoringProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	record Figures(long queueDepth, double oldestQueuedSeconds, Map<String, Long> suppressedByReason, Instant readAt) {
	}

	Figures current() {
		Figures known = figures;
		Instant now = clock.instant();
		if (known.readAt().plus(properties.gaugeCacheTtl()).isAfter(now)) {
			return known;
		}
		synchronized (this) {
			if (figures != known) {
				return figures;
			}
			try {
				figures = read(now);
			}
			catch (DataAccessException e) {
				// keep the last figures, and do not ask again before the period ends
				figures = new Figures(known.queueDepth(), known.oldestQueuedSeconds(), known.suppressedByReason(), now);
			}
			return figures;
		}
	}

	private Figures read(Instant now) {
		Figures queue = jdbc.sql(MonitoringQueries.MAIL_QUEUE)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Figures(rs.getLong("depth"), rs.getDouble("oldest_seconds"), Map.of(), now))
			.single();
		Map<String, Long> suppressed = new ConcurrentHashMap<>();
		jdbc.sql(MonitoringQueries.SUPPRESSIONS_BY_REASON)
			.query((rs, n) -> suppressed.put(rs.getString("reason"), rs.getLong("addresses")))
			.list();
		return new Figures(queue.queueDepth(), queue.oldestQueuedSeconds(), Map.copyOf(suppressed), now);
	}

}
