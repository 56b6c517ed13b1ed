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

	/** The time as the page shows it, in UTC. */
	public String when() {
		return SHOWN.format(at);
	}

}
