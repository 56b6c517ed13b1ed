package org.safepassage.evidence;

/** Only published records are shown to the public; drafts are for researchers. */
enum IncidentState {

	DRAFT, PUBLISHED;

	static IncidentState parse(String value) {
		return Enums.parse(IncidentState.class, value);
	}

}
