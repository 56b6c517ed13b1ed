package org.safepassage.evidence.domain;

public enum PlacePrecision {

	CITY, PROVINCE, BORDER_AREA, COUNTRY;

	public static PlacePrecision parse(String value) {
		return Enums.parse(PlacePrecision.class, value);
	}

}
