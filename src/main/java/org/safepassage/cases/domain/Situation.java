package org.safepassage.cases.domain;

/** Where the person is now, as it may be told. */
public enum Situation {

	DETAINED, AT_RISK_OF_RETURN, RETURNED, SAFE;

	/**
	 * The person is in danger now: their case file is needed, so it never falls due for
	 * review and is never erased by the retention job.
	 */
	public boolean atRisk() {
		return this == DETAINED || this == AT_RISK_OF_RETURN;
	}

}
