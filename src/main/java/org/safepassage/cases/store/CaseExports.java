package org.safepassage.cases.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.cases.domain.ProtectedPart;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports of a case's protected part need two people: one asks, with a reason; another
 * caseworker or admin approves; the one who asked downloads it once, within the window
 * after approval. Each step is in the audit ({@code protected.export.requested},
 * {@code .approved}, {@code .downloaded}).
 */
@Service
public class CaseExports {

	public static final String REQUESTED = "protected.export.requested";

	public static final String APPROVED = "protected.export.approved";

	public static final String DOWNLOADED = "protected.export.downloaded";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final ProtectedFields fields;

	private final Attachments attachments;

	private final AuditLog audit;

	private final CasesProperties properties;

	private final Clock clock;

	CaseExports(JdbcClient jdbc, ProtectedFields fields, Attachments attachments, AuditLog audit,
			CasesProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.fields = fields;
		this.attachments = attachments;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** An export request as staff see it. */
	public record Export(long id, long caseId, String requestedBy, String reason, Instant requestedAt,
			String approvedBy, Instant approvedAt, Instant downloadedAt) {

		public boolean approved() {
			return this.approvedBy != null;
		}

		public boolean downloaded() {
			return this.downloadedAt != null;
		}

		public Instant expiresAt(CasesProperties properties) {
			return this.approvedAt == null ? null : this.approvedAt.plus(properties.exportWindow());
		}

	}

	@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
	@Transactional
	public long request(Case file, String reason, String actor, String address) {
		RuleViolation.require(!file.erased(), "cases.export.erased");
		long id = this.jdbc.sql(CaseQueries.INSERT_EXPORT)
			.param("caseId", file.id())
			.param("by", actor)
			.param("reason", reason)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.audit.record(actor, REQUESTED, record(file, id), reason, address);
		return id;
	}

	public List<Export> list(Case file) {
		return this.jdbc.sql(CaseQueries.EXPORTS).param("caseId", file.id()).query(CaseExports::map).list();
	}

	/** By anyone but the one who asked. */
	@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
	@Transactional
	public void approve(Case file, long exportId, String actor, String address) {
		RuleViolation.require(!file.erased(), "cases.export.erased");
		Export export = require(file, exportId);
		RuleViolation.require(!export.requestedBy().equalsIgnoreCase(actor), "cases.export.secondPerson");
		RuleViolation.require(!export.approved(), "cases.export.alreadyApproved");
		this.jdbc.sql(CaseQueries.APPROVE_EXPORT)
			.param("id", exportId)
			.param("by", actor)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(actor, APPROVED, record(file, exportId), "requested by " + export.requestedBy(), address);
	}

	/**
	 * Marks the export downloaded and returns the case file as JSON: only for the one who
	 * asked, once, within the window after its approval. The document is small (text
	 * fields and the attachments' list), so it is built in memory.
	 */
	@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
	@Transactional
	public byte[] download(Case file, long exportId, String actor, String address) {
		// The protected part of an erased case is gone: an export approved before the
		// erasure must not hand out an empty file as if it were the case.
		RuleViolation.require(!file.erased(), "cases.export.erased");
		Export export = this.jdbc.sql(CaseQueries.EXPORT_FOR_UPDATE)
			.param("id", exportId)
			.param("caseId", file.id())
			.query(CaseExports::map)
			.optional()
			.orElseThrow(() -> new RuleViolation("cases.export.unknown", "No export " + exportId));
		RuleViolation.require(export.requestedBy().equalsIgnoreCase(actor), "cases.export.onlyRequester");
		RuleViolation.require(export.approved(), "cases.export.notApproved");
		RuleViolation.require(!export.downloaded(), "cases.export.alreadyDownloaded");
		RuleViolation.require(this.clock.instant().isBefore(export.expiresAt(this.properties)), "cases.export.expired");
		this.jdbc.sql(CaseQueries.MARK_DOWNLOADED)
			.param("id", exportId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(actor, DOWNLOADED, record(file, exportId), export.reason(), address);
		ProtectedPart part = this.fields.all(file);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("number", file.number());
		document.put("state", file.state().name());
		document.put("public", file.content());
		Map<String, String> sealed = new LinkedHashMap<>();
		for (CaseField field : CaseField.protectedFields()) {
			sealed.put(field.column(), part.get(field));
		}
		document.put("protected", sealed);
		document.put("attachments",
				this.attachments.list(file)
					.stream()
					.map(a -> Map.of("id", a.id(), "size", a.size(), "addedBy", a.addedBy(), "addedAt", a.addedAt()))
					.toList());
		document.put("exportedBy", actor);
		document.put("exportedAt", this.clock.instant());
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
	}

	public Optional<Export> find(Case file, long exportId) {
		return this.jdbc.sql(CaseQueries.EXPORT)
			.param("id", exportId)
			.param("caseId", file.id())
			.query(CaseExports::map)
			.optional();
	}

	private Export require(Case file, long exportId) {
		return find(file, exportId)
			.orElseThrow(() -> new RuleViolation("cases.export.unknown", "No export " + exportId));
	}

	/**
	 * Export requests and their reasons are kept for the retention period, then deleted.
	 */
	@Transactional
	public void deleteOld() {
		this.jdbc.sql(CaseQueries.DELETE_OLD_EXPORTS)
			.param("before", Timestamp.from(this.clock.instant().minus(this.properties.exportRetention())))
			.update();
	}

	private static String record(Case file, long exportId) {
		return "case:" + file.id() + " export:" + exportId;
	}

	private static Export map(ResultSet rs, int row) throws SQLException {
		Timestamp approvedAt = rs.getTimestamp("approved_at");
		Timestamp downloadedAt = rs.getTimestamp("downloaded_at");
		return new Export(rs.getLong("id"), rs.getLong("case_id"), rs.getString("requested_by"), rs.getString("reason"),
				rs.getTimestamp("requested_at").toInstant(), rs.getString("approved_by"),
				approvedAt == null ? null : approvedAt.toInstant(),
				downloadedAt == null ? null : downloadedAt.toInstant());
	}

}
