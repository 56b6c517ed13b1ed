package org.safepassage.booklets.domain;

import org.safepassage.shared.RuleViolation;

/**
 * A free resource to order. Only a published booklet is shown and ordered; its stock is
 * the copies in hand, which confirmed orders take from and cancelled ones give back (in
 * SQL, atomically, never below zero).
 */
public record Booklet(long id, BookletContent content, BookletState state, int stock, boolean hasCover) {

	public boolean isPublished() {
		return state == BookletState.PUBLISHED;
	}

	public boolean inStock() {
		return stock > 0;
	}

	/** A draft or unpublished booklet with a language and a country may go live. */
	public Booklet publish() {
		if (state == BookletState.PUBLISHED) {
			throw new RuleViolation("booklets.rule.alreadyPublished", "The booklet is already published");
		}
		if (content.languages().isEmpty() || content.countries().isEmpty()) {
			throw new RuleViolation("booklets.rule.publishNeedsChoices",
					"A booklet needs a language and a country before it is published");
		}
		return new Booklet(id, content, BookletState.PUBLISHED, stock, hasCover);
	}

	public Booklet unpublish() {
		if (state != BookletState.PUBLISHED) {
			throw new RuleViolation("booklets.rule.unpublishOnlyPublished",
					"Only a published booklet can be unpublished");
		}
		return new Booklet(id, content, BookletState.UNPUBLISHED, stock, hasCover);
	}

}
