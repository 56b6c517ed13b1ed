package org.safepassage.evidence.domain;

/** An event of forced return (or arrest, detention…) as researchers recorded it. */
public record Incident(long id, IncidentContent content, IncidentState state, Reconciliation.Override override) {

	public boolean published() {
		return state == IncidentState.PUBLISHED;
	}
}
