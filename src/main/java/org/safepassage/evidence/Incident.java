package org.safepassage.evidence;

import java.util.List;

/** An event of forced return (or arrest, detention…) as researchers recorded it. */
record Incident(long id, IncidentContent content, IncidentState state, Reconciliation.Override override) {

	boolean published() {
		return state == IncidentState.PUBLISHED;
	}

	/**
	 * What a researcher writes about an incident; its sources are separate
	 * {@link SourceReport}s.
	 */
	record IncidentContent(IncidentKind kind, String title, FuzzyDate date, String place, PlacePrecision placePrecision,
			String departureCountry, String returnCountry, String summary, List<String> tags) {
	}
}
