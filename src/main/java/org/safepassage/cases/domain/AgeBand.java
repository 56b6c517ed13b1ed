package org.safepassage.cases.domain;

/** An age as a band: an exact age or birth date would help to identify the person. */
public enum AgeBand {

	CHILD, UNDER_25, FROM_25_TO_39, FROM_40_TO_59, OVER_60

}
