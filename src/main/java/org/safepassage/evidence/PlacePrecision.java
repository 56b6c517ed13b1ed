package org.safepassage.evidence;

enum PlacePrecision {

	CITY, PROVINCE, BORDER_AREA, COUNTRY;

	static PlacePrecision parse(String value) {
		return Enums.parse(PlacePrecision.class, value);
	}

}
