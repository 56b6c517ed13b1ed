package org.safepassage.evidence;

/**
 * How exactly a source dates what happened; an approximate range is a first and a last
 * possible day.
 */
enum DatePrecision {

	DAY, MONTH, YEAR, RANGE;

	static DatePrecision parse(String value) {
		return Enums.parse(DatePrecision.class, value);
	}

}
