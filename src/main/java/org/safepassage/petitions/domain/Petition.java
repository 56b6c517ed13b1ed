package org.safepassage.petitions.domain;

import static org.safepassage.shared.RuleViolation.require;

import java.time.Instant;
import java.util.List;

import org.safepassage.petitions.PetitionEvents.PetitionClosed;
import org.safepassage.petitions.PetitionEvents.PetitionDelivered;
import org.safepassage.petitions.PetitionEvents.PetitionOpened;
import org.safepassage.petitions.PetitionState;
import org.safepassage.shared.PendingEvents;

/**
 * The petition aggregate. Every change of state goes through a verb here that checks it
 * is allowed: draft → submitted → open → closed → delivered, with rejected (back to draft
 * when revised) and hidden.
 */
public class Petition {

	private final Long id;

	private PetitionContent content;

	private PetitionState state;

	private String rejectionReason;

	private String hiddenReason;

	private String deliveryNote;

	private final String createdBy;

	private final Instant createdAt;

	private Instant submittedAt;

	private Instant openedAt;

	private Instant closedAt;

	private Instant deliveredAt;

	private Instant pausedAt;

	private Instant hiddenAt;

	private final int version;

	private final PendingEvents events = new PendingEvents();

	Petition(Long id, PetitionContent content, PetitionState state, String rejectionReason, String hiddenReason,
			String deliveryNote, String createdBy, Instant createdAt, Instant submittedAt, Instant openedAt,
			Instant closedAt, Instant deliveredAt, Instant pausedAt, Instant hiddenAt, int version) {
		this.id = id;
		this.content = content;
		this.state = state;
		this.rejectionReason = rejectionReason;
		this.hiddenReason = hiddenReason;
		this.deliveryNote = deliveryNote;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.submittedAt = submittedAt;
		this.openedAt = openedAt;
		this.closedAt = closedAt;
		this.deliveredAt = deliveredAt;
		this.pausedAt = pausedAt;
		this.hiddenAt = hiddenAt;
		this.version = version;
	}

	public static Petition draft(PetitionContent content, String createdBy, Instant now) {
		return new Petition(null, content, PetitionState.DRAFT, null, null, null, createdBy, now, null, null, null,
				null, null, null, 0);
	}

	void revise(PetitionContent revised) {
		require(state == PetitionState.DRAFT || state == PetitionState.REJECTED, "petition.rule.reviseOnlyDraft");
		this.content = revised;
		if (state == PetitionState.REJECTED) {
			state = PetitionState.DRAFT;
		}
	}

	public void submit(Instant now) {
		require(state == PetitionState.DRAFT, "petition.rule.submitOnlyDraft");
		requireClosingDateAfter(now);
		state = PetitionState.SUBMITTED;
		submittedAt = now;
		rejectionReason = null;
	}

	public void open(Instant now) {
		require(state == PetitionState.SUBMITTED, "petition.rule.openOnlySubmitted");
		requireClosingDateAfter(now);
		state = PetitionState.OPEN;
		openedAt = now;
		events.add(new PetitionOpened(id, content.title(), now));
	}

	void reject(String reason, Instant now) {
		require(state == PetitionState.SUBMITTED, "petition.rule.rejectOnlySubmitted");
		require(reason != null && !reason.isBlank(), "petition.rule.rejectNeedsReason");
		state = PetitionState.REJECTED;
		rejectionReason = reason;
	}

	public void close(Instant now) {
		require(state == PetitionState.OPEN, "petition.rule.closeOnlyOpen");
		state = PetitionState.CLOSED;
		closedAt = now;
		pausedAt = null;
		events.add(new PetitionClosed(id, now));
	}

	void deliver(Delivery delivery, Instant now) {
		require(state == PetitionState.CLOSED, "petition.rule.deliverOnlyClosed");
		require(delivery != null && delivery.deliveredOn() != null && delivery.recipientName() != null
				&& delivery.recipientOffice() != null && delivery.method() != null, "petition.rule.deliveryIncomplete");
		state = PetitionState.DELIVERED;
		deliveredAt = now;
		deliveryNote = delivery.notes();
		events.add(new PetitionDelivered(id, now));
	}

	/**
	 * A response can be recorded once the petition is public: a government may answer
	 * while it is still open.
	 */
	public void requireAcceptsResponses() {
		require(state == PetitionState.OPEN || state == PetitionState.CLOSED || state == PetitionState.DELIVERED,
				"petition.rule.responseOnlyPublic");
	}

	/**
	 * Takes the petition off the public site. Hidden while open, it collects no more and
	 * its signers' details are erased counted from now, as if it had closed now.
	 */
	void hide(String reason, Instant now) {
		require(state != PetitionState.DRAFT && state != PetitionState.HIDDEN, "petition.rule.hideNotDraft");
		require(reason != null && !reason.isBlank(), "petition.rule.hideNeedsReason");
		state = PetitionState.HIDDEN;
		hiddenReason = reason;
		hiddenAt = now;
	}

	/**
	 * Staff stop an open petition collecting (under attack, while they look): it takes no
	 * signatures and no confirmations until resumed, and stays open.
	 */
	public void pause(Instant now) {
		require(state == PetitionState.OPEN, "petition.rule.pauseOnlyOpen");
		require(pausedAt == null, "petition.rule.alreadyPaused");
		pausedAt = now;
	}

	public void resume() {
		require(state == PetitionState.OPEN, "petition.rule.pauseOnlyOpen");
		require(pausedAt != null, "petition.rule.notPaused");
		pausedAt = null;
	}

	public boolean isPaused() {
		return pausedAt != null;
	}

	public boolean acceptsSignatures(Instant now) {
		return state == PetitionState.OPEN && pausedAt == null && !isPastClosingDate(now);
	}

	boolean isPastClosingDate(Instant now) {
		return content.closingAt() != null && !now.isBefore(content.closingAt());
	}

	private void requireClosingDateAfter(Instant now) {
		require(!isPastClosingDate(now), "petition.rule.closingDateInPast");
	}

	List<Object> releaseEvents() {
		return events.release();
	}

	public Long id() {
		return id;
	}

	public PetitionContent content() {
		return content;
	}

	public PetitionState state() {
		return state;
	}

	public String rejectionReason() {
		return rejectionReason;
	}

	public String hiddenReason() {
		return hiddenReason;
	}

	public String deliveryNote() {
		return deliveryNote;
	}

	String createdBy() {
		return createdBy;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant submittedAt() {
		return submittedAt;
	}

	public Instant openedAt() {
		return openedAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public Instant deliveredAt() {
		return deliveredAt;
	}

	public Instant pausedAt() {
		return pausedAt;
	}

	/** When it was hidden; null unless hidden. */
	public Instant hiddenAt() {
		return hiddenAt;
	}

	int version() {
		return version;
	}

}
