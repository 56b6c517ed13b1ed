package org.safepassage.evidence.domain;

/** Only published records are shown to the public; drafts are for researchers. */
public enum IncidentState {

	DRAFT, PUBLISHED

}
