package org.safepassage.evidence.domain;

public enum IncidentKind {

	FORCED_REPATRIATION, ARREST, DETENTION, TRANSFER, EXECUTION, OTHER;

	public static IncidentKind parse(String value) {
		return Enums.parse(IncidentKind.class, value);
	}

}
