package org.safepassage.alerts.domain;

/** What an alert asks of its readers; also the topics a subscriber chooses. */
public enum AlertKind {

	PRAYER, ACTION, NEWS;

}
