package org.safepassage.system.monitoring;

/**
 * What operations asks the database itself; the mail figures come from the mail API
 * ({@code Outbox.queue()}, {@code Suppressions.countsByReason()}).
 */
final class MonitoringQueries {

	/** Readiness: the database answers at all. */
	static final String DATABASE_ANSWERS = "select 1";

	private MonitoringQueries() {
	}

}
