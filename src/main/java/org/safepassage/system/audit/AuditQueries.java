package org.safepassage.system.audit;

/**
 * The audit log's SQL. There is deliberately no update or delete here: the table is
 * append-only, and a trigger refuses both.
 */
final class AuditQueries {

	static final String INSERT = """
			insert into staff_audit (at, actor, action, record, outcome, address)
			values (:at, :actor, :action, :record, :outcome, :address)""";

	private static final String MATCHING = """
			from staff_audit
			where (cast(:person as text) is null or strpos(lower(coalesce(actor, '')), lower(:person)) > 0)
			  and (cast(:action as text) is null or strpos(lower(action), lower(:action)) > 0)
			  and (cast(:from as timestamptz) is null or at >= :from)
			  and (cast(:until as timestamptz) is null or at < :until)""";

	static final String FIND = "select id, at, actor, action, record, outcome, address " + MATCHING
			+ " order by at desc, id desc limit :limit";

	static final String COUNT = "select count(*) " + MATCHING;

	private AuditQueries() {
	}

}
