package org.safepassage.system.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.safepassage.system.mail.Outbox;
import org.safepassage.system.mail.Suppressions;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The mail queue and the suppression list as numbers, read at most once per
 * {@code gauge-cache-ttl}; while the database is away the last figures stay.
 */
@Component
class MailFigures {

	/** Reasons an address is suppressed, each reported even at zero. */
	static final String[] SUPPRESSION_REASONS = Arrays.stream(Suppressions.Reason.values())
		.map(Enum::name)
		.toArray(String[]::new);

	private final Outbox outbox;

	private final Suppressions suppressions;

	private final Clock clock;

	private final MonitoringProperties properties;

	private volatile Figures figures = new Figures(0, 0, Map.of(), Instant.MIN);

	MailFigures(Outbox outbox, Suppressions suppressions, Clock clock, MonitoringProperties properties) {
		this.outbox = outbox;
		this.suppressions = suppressions;
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
		Outbox.Queue queue = outbox.queue();
		double oldestSeconds = queue.oldestQueuedAt()
			.map(queued -> Math.max(0, Duration.between(queued, now).toMillis() / 1000.0))
			.orElse(0.0);
		Map<String, Long> suppressed = new LinkedHashMap<>();
		suppressions.countsByReason().forEach((reason, count) -> suppressed.put(reason.name(), count));
		return new Figures(queue.depth(), oldestSeconds, Map.copyOf(suppressed), now);
	}

}
