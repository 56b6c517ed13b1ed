package org.safepassage.evidence.domain;

public enum IncidentKind {

	FORCED_REPATRIATION, ARREST, DETENTION, TRANSFER, EXECUTION, OTHER

}
