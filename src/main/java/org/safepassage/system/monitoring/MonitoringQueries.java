package org.safepassage.system.monitoring;

/**
 * The figures operations reads from the database; cheap enough to run every few seconds.
 */
final class MonitoringQueries {

	/** Readiness: the database answers at all. */
	static final String DATABASE_ANSWERS = "select 1";

	private MonitoringQueries() {
	}

	/** Mail not yet handed to the server, through the partial index on due mail. */
	static final String MAIL_QUEUE = """
			select count(*) as depth,
			       coalesce(extract(epoch from (:now - min(queued_at))), 0) as oldest_seconds
			from mail_outbox
			where status in ('pending', 'sending')
			""";

	static final String SUPPRESSIONS_BY_REASON = """
			select reason, count(*) as addresses
			from mail_suppression
			group by reason
			""";

}
