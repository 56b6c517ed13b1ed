package org.safepassage.system.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One staff action: who ({@code null} for a name that matches no account), when, what,
 * which record, with what outcome, from which address.
 */
record AuditEntry(long id, Instant at, String actor, String action, String record, String outcome, String address) {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final String FIELD = " field:";

	/** Of a protected read: the record without the field ({@code case:12}). */
	public String readRecord() {
		int field = (record != null) ? record.lastIndexOf(FIELD) : -1;
		return (field < 0) ? record : record.substring(0, field);
	}

	/** Of a protected read: the field that was read ({@code real_name}). */
	public String readField() {
		int field = (record != null) ? record.lastIndexOf(FIELD) : -1;
		return (field < 0) ? null : record.substring(field + FIELD.length());
	}

	/** The time as the page shows it, in UTC. */
	public String when() {
		return SHOWN.format(at);
	}

}
