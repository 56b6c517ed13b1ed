package org.safepassage.system.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.safepassage.shared.validation.FormValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * The staff audit log: append-only, read by admins. What is recorded names an action and
 * its record (a route with its path variables, an account's email), never a request body
 * or a protected value.
 */
@Component
public class AuditLog {

	/** Longer text is cut, so a crafted path cannot make one entry large. */
	static final int MAX_TEXT = 500;

	/**
	 * The action of a read of a protected (sealed) value; its record is
	 * {@code "case:12 field:real_name"} and its outcome the reason given.
	 */
	public static final String PROTECTED_READ = "protected.read";

	/**
	 * A request attribute a handler sets (to anything) when it records its own, more
	 * precise entry: the generic entry every CSV export and staff change gets is then
	 * left out, so the action is in the log once.
	 */
	public static final String RECORDED_BY_HANDLER = AuditLog.class.getName() + ".recordedByHandler";

	/** The most entries one export holds; narrow the filter for older ones. */
	static final int EXPORT_LIMIT = 100_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param actor the staff member's email, or {@code null} when unknown
	 * @param action what was done, e.g. {@code sign-in} or {@code POST
	 * /admin/petitions/{id}/open}
	 * @param record which record, e.g. {@code id=42} or an account's email
	 * @param outcome e.g. {@code ok}, an HTTP status, or why it failed
	 * @param address the client address
	 */
	public void record(String actor, String action, String record, String outcome, String address) {
		this.jdbc.sql(AuditQueries.INSERT)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", cut(actor))
			.param("action", cut(action))
			.param("record", cut(record))
			.param("outcome", cut(outcome))
			.param("address", cut(address))
			.update();
	}

	List<AuditEntry> find(AuditFilter filter, int limit) {
		return matching(AuditQueries.FIND, filter).param("limit", limit).query(AuditLog::map).list();
	}

	long count(AuditFilter filter) {
		return matching(AuditQueries.COUNT, filter).query(Long.class).single();
	}

	void forEach(AuditFilter filter, Consumer<AuditEntry> consumer) {
		try (Stream<AuditEntry> entries = matching(AuditQueries.FIND, filter).param("limit", EXPORT_LIMIT)
			.query(AuditLog::map)
			.stream()) {
			entries.forEach(consumer);
		}
	}

	private StatementSpec matching(String sql, AuditFilter filter) {
		LocalDate from = FormValues.day(filter.from());
		LocalDate to = FormValues.day(filter.to());
		return this.jdbc.sql(sql)
			.param("person", FormValues.text(filter.person()))
			.param("action", FormValues.text(filter.action()))
			.param("from", from == null ? null : Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("until",
					to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		Instant at = rs.getTimestamp("at").toInstant();
		return new AuditEntry(rs.getLong("id"), at, rs.getString("actor"), rs.getString("action"),
				rs.getString("record"), rs.getString("outcome"), rs.getString("address"));
	}

	private static String cut(String text) {
		return (text == null || text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT) + "…";
	}

}
