package org.safepassage.evidence.domain;

public enum PlacePrecision {

	CITY, PROVINCE, BORDER_AREA, COUNTRY

}
