package org.safepassage.letters.campaign;

/** Where a letter campaign stands: written, taking letters, or over. */
public enum CampaignState {

	DRAFT, OPEN, CLOSED

}
