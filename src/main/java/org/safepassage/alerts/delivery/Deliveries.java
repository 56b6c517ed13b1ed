package org.safepassage.alerts.delivery;

import java.time.Duration;
import java.util.List;

import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.alerts.domain.AlertsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims deliveries and marks what became of them. A claim takes due rows FOR UPDATE SKIP
 * LOCKED and leases them, so several workers and instances never claim the same row, and
 * rows a dead sender held are claimed again once its lease runs out. Every method takes
 * the connection to use: SMTP workers each keep their own for a whole run.
 */
@Component
class Deliveries {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private final AlertsProperties properties;

	Deliveries(AlertsProperties properties) {
		this.properties = properties;
	}

	/** A claimed delivery with what is needed to write its mail. */
	record Claimed(long id, long alertId, long subscriberId, int attempts, String email, String name,
			String subscriberState) {

		boolean stillSubscribed() {
			return "CONFIRMED".equals(subscriberState);
		}
	}

	List<Claimed> claim(JdbcClient db, int limit) {
		return db.sql(AlertQueries.CLAIM)
			.param("leaseSeconds", properties.sending().lease().toSeconds())
			.param("limit", limit)
			.query(Claimed.class)
			.list();
	}

	void markSent(JdbcClient db, long id) {
		db.sql(AlertQueries.MARK_SENT).param("id", id).update();
	}

	void markSent(JdbcClient db, List<Long> ids) {
		db.sql(AlertQueries.MARK_SENT_MANY).param("ids", ids.toArray(Long[]::new)).update();
	}

	/**
	 * A temporary failure: tried again later with backoff, until the attempts run out.
	 */
	void retryLater(JdbcClient db, Claimed d, String error) {
		if (d.attempts() >= properties.sending().maxAttempts()) {
			markFailed(db, d, error);
			return;
		}
		Duration delay = properties.sending().retryDelay(d.attempts());
		db.sql(AlertQueries.RETRY_LATER)
			.param("id", d.id())
			.param("error", truncate(error))
			.param("delaySeconds", delay.toSeconds())
			.update();
	}

	void markFailed(JdbcClient db, Claimed d, String error) {
		log.warn("Alert delivery {} failed: {}", d.id(), error);
		db.sql(AlertQueries.MARK_FAILED).param("id", d.id()).param("error", truncate(error)).update();
	}

	/** Deliveries to addresses that left after the audience was fixed. */
	void skip(JdbcClient db, List<Long> ids) {
		if (!ids.isEmpty()) {
			db.sql(AlertQueries.MARK_SKIPPED).param("ids", ids.toArray(Long[]::new)).update();
		}
	}

	/** Hands claims back untouched (their alert was paused). */
	void release(JdbcClient db, List<Long> ids) {
		if (!ids.isEmpty()) {
			db.sql(AlertQueries.RELEASE).param("ids", ids.toArray(Long[]::new)).update();
		}
	}

	private static String truncate(String text) {
		return text == null ? null : text.substring(0, Math.min(text.length(), 1000));
	}

}
