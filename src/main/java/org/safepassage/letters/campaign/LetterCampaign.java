package org.safepassage.letters.campaign;

import static org.safepassage.shared.RuleViolation.require;

import java.time.Instant;

/**
 * The letter campaign aggregate: draft → open → closed. Supporters write only while it is
 * open; its text may be corrected until it closes.
 */
public class LetterCampaign {

	private final Long id;

	private CampaignContent content;

	private CampaignState state;

	private final String createdBy;

	private final Instant createdAt;

	private Instant openedAt;

	private Instant closedAt;

	private final int version;

	LetterCampaign(Long id, CampaignContent content, CampaignState state, String createdBy, Instant createdAt,
			Instant openedAt, Instant closedAt, int version) {
		this.id = id;
		this.content = content;
		this.state = state;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.openedAt = openedAt;
		this.closedAt = closedAt;
		this.version = version;
	}

	public static LetterCampaign draft(CampaignContent content, String createdBy, Instant now) {
		return new LetterCampaign(null, content, CampaignState.DRAFT, createdBy, now, null, null, 0);
	}

	public void revise(CampaignContent revised) {
		require(state != CampaignState.CLOSED, "letters.rule.reviseNotClosed");
		this.content = revised;
	}

	public void open(Instant now) {
		require(state == CampaignState.DRAFT, "letters.rule.openOnlyDraft");
		require(!content.bodies().isEmpty(), "letters.rule.openNeedsBodies");
		state = CampaignState.OPEN;
		openedAt = now;
	}

	public void close(Instant now) {
		require(state == CampaignState.OPEN, "letters.rule.closeOnlyOpen");
		state = CampaignState.CLOSED;
		closedAt = now;
	}

	public boolean acceptsLetters() {
		return state == CampaignState.OPEN;
	}

	public boolean isPublic() {
		return state != CampaignState.DRAFT;
	}

	public Long id() {
		return id;
	}

	public CampaignContent content() {
		return content;
	}

	public CampaignState state() {
		return state;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant openedAt() {
		return openedAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	int version() {
		return version;
	}

}
