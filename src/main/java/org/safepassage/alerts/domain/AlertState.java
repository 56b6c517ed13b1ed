package org.safepassage.alerts.domain;

/**
 * draft → scheduled → sending ⇄ paused → sent; a scheduled alert can go back to draft.
 */
public enum AlertState {

	DRAFT, SCHEDULED, SENDING, PAUSED, SENT;

	/** Once sending has started the alert is public: in the archive and the feed. */
	public boolean isPublic() {
		return this == SENDING || this == PAUSED || this == SENT;
	}

}
