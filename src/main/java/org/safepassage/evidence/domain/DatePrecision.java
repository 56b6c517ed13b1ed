package org.safepassage.evidence.domain;

/**
 * How exactly a source dates what happened; an approximate range is a first and a last
 * possible day.
 */
public enum DatePrecision {

	DAY, MONTH, YEAR, RANGE

}
