package org.safepassage.cases.domain;

import static org.safepassage.shared.RuleViolation.require;

import java.time.Instant;

/**
 * The case aggregate. Its public part is published only when a staff member other than
 * the one who asked approves it; the approved copy ({@link #published()}) is what the
 * public sees, so a published case keeps its approved text while changes wait for review.
 * Withdrawing takes it from public view at once. The protected part is not here: it is
 * sealed in the store and read only through an audited reveal.
 */
public class Case {

	private final Long id;

	private final String number;

	private final String slug;

	private final Long dataKeyId;

	private CaseState state;

	private CaseContent content;

	private PublicCase published;

	private String reviewRequestedBy;

	private Instant reviewRequestedAt;

	private String publishedBy;

	private Instant withdrawnAt;

	private final String createdBy;

	private final int version;

	private CaseRetention retention;

	public Case(Long id, String number, String slug, Long dataKeyId, CaseState state, CaseContent content,
			PublicCase published, String reviewRequestedBy, Instant reviewRequestedAt, String publishedBy,
			Instant withdrawnAt, String createdBy, int version, CaseRetention retention) {
		this.id = id;
		this.number = number;
		this.slug = slug;
		this.dataKeyId = dataKeyId;
		this.state = state;
		this.content = content;
		this.published = published;
		this.reviewRequestedBy = reviewRequestedBy;
		this.reviewRequestedAt = reviewRequestedAt;
		this.publishedBy = publishedBy;
		this.withdrawnAt = withdrawnAt;
		this.createdBy = createdBy;
		this.version = version;
		this.retention = (retention != null) ? retention : CaseRetention.none();
	}

	public static Case draft(String number, String slug, long dataKeyId, CaseContent content, String createdBy) {
		return new Case(null, number, slug, dataKeyId, CaseState.DRAFT, content, null, null, null, null, null,
				createdBy, 0, CaseRetention.none());
	}

	/**
	 * New public text. A case waiting for review goes back (the reviewer must see what
	 * would be published); a published one keeps its approved copy until the change is
	 * approved.
	 */
	public void revise(CaseContent revised) {
		require(!this.retention.erased(), "cases.retention.erasedNoChange");
		this.content = revised;
		if (this.state == CaseState.PENDING_REVIEW) {
			cancelReview();
		}
	}

	public void requestPublication(String by, Instant now) {
		require(!this.retention.erased(), "cases.retention.erasedNoChange");
		require(this.state != CaseState.PENDING_REVIEW, "cases.rule.alreadyPending");
		require(this.state != CaseState.PUBLISHED || hasUnpublishedChanges(), "cases.rule.nothingToPublish");
		this.state = CaseState.PENDING_REVIEW;
		this.reviewRequestedBy = by;
		this.reviewRequestedAt = now;
	}

	/** By a second staff member: whoever asked cannot approve their own request. */
	public void approve(String by, Instant now) {
		require(this.state == CaseState.PENDING_REVIEW, "cases.rule.approveOnlyPending");
		require(!by.equalsIgnoreCase(this.reviewRequestedBy), "cases.rule.secondPerson");
		this.state = CaseState.PUBLISHED;
		this.publishedBy = by;
		this.withdrawnAt = null;
		this.reviewRequestedBy = null;
		this.reviewRequestedAt = null;
		this.published = PublicCase.of(this, now);
	}

	/** Sends a request back without publishing it. */
	public void cancelReview() {
		require(this.state == CaseState.PENDING_REVIEW, "cases.rule.approveOnlyPending");
		this.state = (this.published != null) ? CaseState.PUBLISHED
				: (this.withdrawnAt != null ? CaseState.WITHDRAWN : CaseState.DRAFT);
		this.reviewRequestedBy = null;
		this.reviewRequestedAt = null;
	}

	/** At once, by any caseworker or admin; publishing again needs a new approval. */
	public void withdraw(Instant now) {
		require(this.published != null, "cases.rule.withdrawOnlyPublic");
		this.state = CaseState.WITHDRAWN;
		this.published = null;
		this.withdrawnAt = now;
		this.reviewRequestedBy = null;
		this.reviewRequestedAt = null;
	}

	/**
	 * Keeps a case due for review for another period: counts as the staff's touch that
	 * starts the period again. The reason goes to the audit.
	 */
	public void keep(String by, Instant now) {
		require(!this.retention.erased(), "cases.retention.alreadyErased");
		this.retention = new CaseRetention(null, now, by, null, null);
	}

	/**
	 * Erases the protected part (the store destroys the data key, empties the sealed
	 * columns and deletes the attachments). What stays of the public part: the approved
	 * copy of a published case, which is also what staff see from then on (changes never
	 * approved may hold what was not fit to publish); of a case never public, or
	 * withdrawn, only the situation and its dates, for counts. A review in progress is
	 * cancelled. Nothing can be published or written to the case afterwards.
	 */
	public void eraseProtectedPart(String by, Instant now) {
		require(!this.retention.erased(), "cases.retention.alreadyErased");
		if (this.state == CaseState.PENDING_REVIEW) {
			cancelReview();
		}
		if (this.published != null) {
			this.content = new CaseContent(this.published.pseudonym(), this.published.ageBand(),
					this.published.gender(), this.published.situation(), this.published.situationSince(),
					this.published.lastHeardOn(), this.published.story(), this.published.storyTranslations(),
					this.published.links());
		}
		else {
			this.content = new CaseContent("", null, null, this.content.situation(), this.content.situationSince(),
					this.content.lastHeardOn(), "", CaseContent.Links.none());
		}
		this.retention = new CaseRetention(null, this.retention.keptAt(), this.retention.keptBy(), now, by);
	}

	/** The public part staff have written differs from the approved copy. */
	public boolean hasUnpublishedChanges() {
		if (this.published == null) {
			return true;
		}
		PublicCase now = PublicCase.of(this, this.published.publishedAt());
		return !now.equals(this.published);
	}

	/**
	 * The value of a public field; any other field is refused, so {@link PublicCase} can
	 * only be built from what {@link CaseField} declares public.
	 */
	Object publicValue(CaseField field) {
		if (!field.isPublic()) {
			throw new IllegalArgumentException(field + " is not public");
		}
		return switch (field) {
			case SLUG -> this.slug;
			case PSEUDONYM -> this.content.pseudonym();
			case AGE_BAND -> this.content.ageBand();
			case GENDER -> this.content.gender();
			case SITUATION -> this.content.situation();
			case SITUATION_SINCE -> this.content.situationSince();
			case LAST_HEARD_ON -> this.content.lastHeardOn();
			case STORY -> this.content.story();
			case STORY_TRANSLATIONS -> this.content.storyTranslations();
			case LINKS -> this.content.links();
			default -> throw new IllegalArgumentException(field + " has no public value");
		};
	}

	public Long id() {
		return this.id;
	}

	public String number() {
		return this.number;
	}

	public String slug() {
		return this.slug;
	}

	/** The case's data key; an erased case has none, and using it is refused. */
	public long dataKeyId() {
		require(!this.retention.erased() && this.dataKeyId != null, "cases.retention.erased");
		return this.dataKeyId;
	}

	public CaseRetention retention() {
		return this.retention;
	}

	public boolean erased() {
		return this.retention.erased();
	}

	public CaseState state() {
		return this.state;
	}

	public CaseContent content() {
		return this.content;
	}

	public PublicCase published() {
		return this.published;
	}

	public String reviewRequestedBy() {
		return this.reviewRequestedBy;
	}

	public Instant reviewRequestedAt() {
		return this.reviewRequestedAt;
	}

	public String publishedBy() {
		return this.publishedBy;
	}

	public Instant withdrawnAt() {
		return this.withdrawnAt;
	}

	public String createdBy() {
		return this.createdBy;
	}

	public int version() {
		return this.version;
	}

}
