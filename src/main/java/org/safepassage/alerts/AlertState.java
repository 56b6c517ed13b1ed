package org.safepassage.alerts;

/**
 * draft → scheduled → sending ⇄ paused → sent; a scheduled alert can go back to draft.
 */
enum AlertState {

	DRAFT, SCHEDULED, SENDING, PAUSED, SENT;

	/** Once sending has started the alert is public: in the archive and the feed. */
	boolean isPublic() {
		return this == SENDING || this == PAUSED || this == SENT;
	}

}
