package org.safepassage.evidence.domain;

/**
 * A figure that is not an event ("about 4,000 returned a year", "500,000 crossed in ten
 * years"): it has a period and a source, and is never added into incident totals.
 */
public record Estimate(long id, EstimateContent content, IncidentState state) {

	public enum Measure {

		RETURNED, CROSSED, DETAINED, OTHER

	}

	public enum Rate {

		PER_YEAR, PER_MONTH, TOTAL

	}

}
