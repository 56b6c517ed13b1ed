package org.safepassage.alerts.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.safepassage.shared.NotFoundException;
import org.safepassage.system.mail.MessageIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves alerts through their life: what staff do (write, revise, schedule, pause, resume)
 * and what the sender does (start a due send, finish a done one). Each runs in one
 * transaction with the alert row locked; the aggregate decides whether it is allowed.
 */
@Service
public class AlertLifecycle {

	private final AlertRepository alerts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MessageIds messageIds;

	AlertLifecycle(AlertRepository alerts, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			MessageIds messageIds) {
		this.messageIds = messageIds;
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Transactional
	public long create(AlertContent content, String createdBy) {
		return alerts.save(Alert.draft(content, createdBy));
	}

	@Transactional
	public void revise(long id, AlertContent content) {
		Alert alert = locked(id);
		alert.revise(content);
		alerts.save(alert);
	}

	@Transactional
	public void schedule(long id, Instant at) {
		Alert alert = locked(id);
		alert.schedule(at, clock.instant());
		alerts.save(alert);
	}

	@Transactional
	public void unschedule(long id) {
		Alert alert = locked(id);
		alert.unschedule();
		alerts.save(alert);
	}

	@Transactional
	public void pause(long id) {
		Alert alert = locked(id);
		alert.pause();
		alerts.save(alert);
	}

	@Transactional
	public void resume(long id) {
		Alert alert = locked(id);
		alert.resume();
		alerts.save(alert);
	}

	/** How many confirmed subscribers would get this alert if it were sent now. */
	public long audienceSize(AlertContent c) {
		return jdbc.sql(AlertQueries.AUDIENCE_SIZE)
			.param("language", c.language())
			.param("kind", c.kind().name())
			.param("petitionIds", c.petitionIds().toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	/**
	 * Starts every due alert: fixes its audience as one delivery per subscriber, in the
	 * same transaction.
	 */
	public void startDue() {
		for (long id : alerts.dueIds(clock.instant())) {
			transactions.executeWithoutResult(status -> {
				Alert alert = alerts.lock(id).orElse(null);
				Instant now = clock.instant();
				if (alert == null || !alert.isDue(now)) {
					return;
				}
				alert.startSending(now);
				alerts.save(alert);
				AlertContent c = alert.content();
				int recipients = jdbc.sql(AlertQueries.CREATE_DELIVERIES)
					.param("alertId", id)
					.param("domain", messageIds.domain())
					.param("language", c.language())
					.param("kind", c.kind().name())
					.param("petitionIds", c.petitionIds().toArray(Long[]::new))
					.update();
				alerts.setRecipients(id, recipients);
			});
		}
	}

	/** Marks sent every alert being sent that has nothing left to send. */
	public void finishDone() {
		for (long id : alerts.sendingIds()) {
			transactions.executeWithoutResult(status -> {
				Alert alert = alerts.lock(id).orElse(null);
				if (alert == null || alert.state() != AlertState.SENDING || anyOpen(id)) {
					return;
				}
				alert.finish(clock.instant());
				alerts.save(alert);
			});
		}
	}

	private boolean anyOpen(long alertId) {
		return jdbc.sql(AlertQueries.ANY_OPEN_DELIVERY).param("alertId", alertId).query(Boolean.class).single();
	}

	record Progress(long total, long sent, long failed, long skipped, long remaining, double ratePerSecond,
			OffsetDateTime firstSentAt, OffsetDateTime lastSentAt) {

		public long done() {
			return sent + failed + skipped;
		}

		public long percent() {
			return total == 0 ? 100 : Math.round(100.0 * done() / total);
		}
	}

	public Progress progress(long alertId) {
		return jdbc.sql(AlertQueries.PROGRESS)
			.param("alertId", alertId)
			.query((rs, n) -> new Progress(rs.getLong("total"), rs.getLong("sent"), rs.getLong("failed"),
					rs.getLong("skipped"), rs.getLong("remaining"), rs.getLong("last_ten_seconds") / 10.0,
					rs.getObject("first_sent_at", OffsetDateTime.class),
					rs.getObject("last_sent_at", OffsetDateTime.class)))
			.single();
	}

	private Alert locked(long id) {
		return alerts.lock(id).orElseThrow(() -> new NotFoundException("No alert " + id));
	}

}
