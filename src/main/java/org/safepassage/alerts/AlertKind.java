package org.safepassage.alerts;

/** What an alert asks of its readers; also the topics a subscriber chooses. */
enum AlertKind {

	PRAYER, ACTION, NEWS;

	static AlertKind parse(String value) {
		for (AlertKind kind : values()) {
			if (kind.name().equals(value)) {
				return kind;
			}
		}
		return null;
	}

}
