package org.safepassage.alerts.domain;

import static org.safepassage.shared.RuleViolation.require;

import java.time.Instant;
import java.util.List;

import org.safepassage.shared.PendingEvents;

/**
 * The alert aggregate. Every change of state is a verb here that checks it is allowed;
 * the repository saves it with an optimistic version check, so two staff or two instances
 * never both start or finish a send.
 */
public class Alert {

	/** Past-tense facts about alerts. */
	record SendingStarted(long alertId, Instant at) {
	}

	public record SendingPaused(long alertId) {
	}

	public record SendingResumed(long alertId) {
	}

	public record SendingFinished(long alertId, Instant at) {
	}

	private final Long id;

	private AlertContent content;

	private AlertState state;

	private Instant scheduledAt;

	private Instant sendingStartedAt;

	private Instant sentAt;

	private final String createdBy;

	private final int version;

	private final PendingEvents events = new PendingEvents();

	Alert(Long id, AlertContent content, AlertState state, Instant scheduledAt, Instant sendingStartedAt,
			Instant sentAt, String createdBy, int version) {
		this.id = id;
		this.content = content;
		this.state = state;
		this.scheduledAt = scheduledAt;
		this.sendingStartedAt = sendingStartedAt;
		this.sentAt = sentAt;
		this.createdBy = createdBy;
		this.version = version;
	}

	static Alert draft(AlertContent content, String createdBy) {
		return new Alert(null, content, AlertState.DRAFT, null, null, null, createdBy, 0);
	}

	/**
	 * An alert that went out before this system existed: in the archive, mailed to
	 * nobody.
	 */
	public static Alert archived(AlertContent content, Instant sentAt, String createdBy) {
		return new Alert(null, content, AlertState.SENT, sentAt, sentAt, sentAt, createdBy, 0);
	}

	void revise(AlertContent revised) {
		require(state == AlertState.DRAFT, "alerts.rule.reviseOnlyDraft");
		this.content = revised;
	}

	/** Sends at {@code at}, or as soon as possible when that is now or past. */
	void schedule(Instant at, Instant now) {
		require(state == AlertState.DRAFT, "alerts.rule.scheduleOnlyDraft");
		state = AlertState.SCHEDULED;
		scheduledAt = at.isBefore(now) ? now : at;
	}

	void unschedule() {
		require(state == AlertState.SCHEDULED, "alerts.rule.unscheduleOnlyScheduled");
		state = AlertState.DRAFT;
		scheduledAt = null;
	}

	boolean isDue(Instant now) {
		return state == AlertState.SCHEDULED && !scheduledAt.isAfter(now);
	}

	void startSending(Instant now) {
		require(isDue(now), "alerts.rule.startOnlyDue");
		state = AlertState.SENDING;
		sendingStartedAt = now;
		events.add(new SendingStarted(id, now));
	}

	void pause() {
		require(state == AlertState.SENDING, "alerts.rule.pauseOnlySending");
		state = AlertState.PAUSED;
		events.add(new SendingPaused(id));
	}

	void resume() {
		require(state == AlertState.PAUSED, "alerts.rule.resumeOnlyPaused");
		state = AlertState.SENDING;
		events.add(new SendingResumed(id));
	}

	/**
	 * Only once no delivery is left to send; the caller checks that in the same
	 * transaction. A send reopened for a language added later keeps the time it was first
	 * sent.
	 */
	void finish(Instant now) {
		require(state == AlertState.SENDING, "alerts.rule.finishOnlySending");
		state = AlertState.SENT;
		if (sentAt == null) {
			sentAt = now;
		}
		events.add(new SendingFinished(id, now));
	}

	/**
	 * A language is added to a send that has begun (its translation was finished after
	 * the alert went out): a sent alert is being sent again, to that language's
	 * subscribers only; a paused one stays paused.
	 */
	void addLanguage() {
		require(state.isPublic(), "alerts.rule.languageOnlyOnceSending");
		if (state == AlertState.SENT) {
			state = AlertState.SENDING;
		}
	}

	public boolean acceptsPrayers() {
		return content.kind() == AlertKind.PRAYER && state.isPublic();
	}

	List<Object> releaseEvents() {
		return events.release();
	}

	public Long id() {
		return id;
	}

	public AlertContent content() {
		return content;
	}

	public AlertState state() {
		return state;
	}

	public Instant scheduledAt() {
		return scheduledAt;
	}

	public Instant sendingStartedAt() {
		return sendingStartedAt;
	}

	public Instant sentAt() {
		return sentAt;
	}

	String createdBy() {
		return createdBy;
	}

	public int version() {
		return version;
	}

}
