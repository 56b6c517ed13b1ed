package org.safepassage.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.system.mail.MailSource;
import org.safepassage.system.mail.MailSource.Outcome;
import org.safepassage.system.mail.MessageIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The alerts' own table of deliveries: claimed FOR UPDATE SKIP LOCKED with a lease (so
 * several workers and instances never claim the same row, and a dead sender's rows come
 * back when its lease runs out), and marked with what became of each.
 */
@Component
class Deliveries {

	private final JdbcClient jdbc;

	private final MessageIds messageIds;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, MessageIds messageIds, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.messageIds = messageIds;
	}

	/**
	 * A claimed delivery with what is needed to write its mail, in the language fixed
	 * when its round started.
	 */
	record Claimed(long id, long alertId, long subscriberId, int attempts, String messageId, Instant queuedAt,
			String email, String name, String subscriberState, String language) {

		boolean stillSubscribed() {
			return "CONFIRMED".equals(subscriberState);
		}
	}

	List<Claimed> claim(int limit, Duration lease) {
		return jdbc.sql(AlertQueries.CLAIM)
			.param("leaseSeconds", lease.toSeconds())
			.param("limit", limit)
			.param("domain", messageIds.domain())
			.param("now", now())
			.query(Claimed.class)
			.list();
	}

	void markSent(List<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql(AlertQueries.MARK_SENT_MANY).param("ids", ids.toArray(Long[]::new)).param("now", now()).update();
		}
	}

	/** Deliveries to addresses that left after the audience was fixed. */
	void skip(List<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql(AlertQueries.MARK_SKIPPED).param("ids", ids.toArray(Long[]::new)).update();
		}
	}

	/**
	 * What the mail engine made of a batch; a hard bounce also marks the subscriber
	 * bouncing, so later alerts are not addressed to them.
	 */
	void settle(List<Outcome> outcomes) {
		List<Long> sent = new ArrayList<>();
		List<Long> suppressed = new ArrayList<>();
		List<Long> retried = new ArrayList<>();
		List<Double> retryDelays = new ArrayList<>();
		List<String> retryErrors = new ArrayList<>();
		List<Long> deferred = new ArrayList<>();
		List<Double> deferDelays = new ArrayList<>();
		List<Long> failed = new ArrayList<>();
		List<String> failErrors = new ArrayList<>();
		List<Long> bounced = new ArrayList<>();
		List<String> bounceErrors = new ArrayList<>();
		for (Outcome o : outcomes) {
			long id = o.mail().id();
			double delay = o.delay().toMillis() / 1000.0;
			switch (o.result()) {
				case SENT -> sent.add(id);
				case SUPPRESSED -> suppressed.add(id);
				case RETRY -> {
					retried.add(id);
					retryDelays.add(delay);
					retryErrors.add(o.error());
				}
				case DEFERRED -> {
					deferred.add(id);
					deferDelays.add(delay);
				}
				case FAILED, BOUNCED -> {
					failed.add(id);
					failErrors.add(o.error());
					if (o.result() == MailSource.Result.BOUNCED) {
						bounced.add(id);
						bounceErrors
							.add(o.error() == null ? null : o.error().substring(0, Math.min(500, o.error().length())));
					}
				}
			}
		}
		markSent(sent);
		if (!suppressed.isEmpty()) {
			jdbc.sql(AlertQueries.MARK_SUPPRESSED).param("ids", suppressed.toArray(Long[]::new)).update();
		}
		if (!retried.isEmpty()) {
			jdbc.sql(AlertQueries.RETRY_LATER)
				.param("ids", retried.toArray(Long[]::new))
				.param("delays", retryDelays.toArray(Double[]::new))
				.param("errors", retryErrors.toArray(String[]::new))
				.param("now", now())
				.update();
		}
		if (!deferred.isEmpty()) {
			jdbc.sql(AlertQueries.DEFER)
				.param("ids", deferred.toArray(Long[]::new))
				.param("delays", deferDelays.toArray(Double[]::new))
				.param("now", now())
				.update();
		}
		if (!failed.isEmpty()) {
			jdbc.sql(AlertQueries.MARK_FAILED)
				.param("ids", failed.toArray(Long[]::new))
				.param("errors", failErrors.toArray(String[]::new))
				.update();
		}
		if (!bounced.isEmpty()) {
			jdbc.sql(AlertQueries.MARK_BOUNCING_BY_DELIVERY)
				.param("ids", bounced.toArray(Long[]::new))
				.param("reasons", bounceErrors.toArray(String[]::new))
				.update();
		}
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
