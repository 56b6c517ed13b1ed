package org.safepassage.cases.domain;

/** Where the person is now, as it may be told. */
public enum Situation {

	DETAINED, AT_RISK_OF_RETURN, RETURNED, SAFE

}
