package org.safepassage.evidence;

enum IncidentKind {

	FORCED_REPATRIATION, ARREST, DETENTION, TRANSFER, EXECUTION, OTHER;

	static IncidentKind parse(String value) {
		return Enums.parse(IncidentKind.class, value);
	}

}
