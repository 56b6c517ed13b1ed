package org.safepassage.evidence.domain;

import java.util.List;

/** An event of forced return (or arrest, detention…) as researchers recorded it. */
public record Incident(long id, IncidentContent content, IncidentState state, Reconciliation.Override override) {

	public boolean published() {
		return state == IncidentState.PUBLISHED;
	}

	/**
	 * What a researcher writes about an incident; its sources are separate
	 * {@link SourceReport}s.
	 */
	public record IncidentContent(IncidentKind kind, String title, FuzzyDate date, String place,
			PlacePrecision placePrecision, String departureCountry, String returnCountry, String summary,
			List<String> tags) {
	}
}
