package org.safepassage.cases.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.sealing.Sealing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents and photos of a case: name, media type and bytes sealed under the case's data
 * key; only the size is stored plain. Opening one is a reveal like any protected field.
 */
@Service
public class Attachments {

	private final JdbcClient jdbc;

	private final Sealing sealing;

	private final AuditLog audit;

	private final CasesProperties properties;

	private final Clock clock;

	Attachments(JdbcClient jdbc, Sealing sealing, AuditLog audit, CasesProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.sealing = sealing;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a staff page lists: no name (sealed), only the size and who added it when. */
	public record Listed(long id, int size, String addedBy, Instant addedAt) {
	}

	/** An opened attachment. */
	public record Opened(String name, String mediaType, byte[] bytes) {
	}

	@Transactional
	public long add(Case file, String name, String mediaType, byte[] bytes, String addedBy) {
		RuleViolation.require(bytes.length > 0, "cases.attachment.empty");
		RuleViolation.require(bytes.length <= this.properties.attachmentSize().toBytes(), "cases.attachment.tooLarge");
		long count = this.jdbc.sql(CaseQueries.ATTACHMENT_COUNT).param("caseId", file.id()).query(Long.class).single();
		RuleViolation.require(count < this.properties.attachments(), "cases.attachment.tooMany");
		long id = file.id();
		return this.jdbc.sql(CaseQueries.INSERT_ATTACHMENT)
			.param("caseId", id)
			.param("name", this.sealing.sealText(file.dataKeyId(), name, context(id, "name")))
			.param("type", this.sealing.sealText(file.dataKeyId(), mediaType, context(id, "type")))
			.param("bytes", this.sealing.seal(file.dataKeyId(), bytes, context(id, "bytes")))
			.param("size", bytes.length)
			.param("addedBy", addedBy)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	public List<Listed> list(Case file) {
		return this.jdbc.sql(CaseQueries.ATTACHMENTS)
			.param("caseId", file.id())
			.query((rs, n) -> new Listed(rs.getLong("id"), rs.getInt("size"), rs.getString("added_by"),
					rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	/** Opens one attachment, recorded in the audit with the reason. */
	@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
	@Transactional
	public Optional<Opened> open(Case file, long attachmentId, String reason, String actor, String address) {
		Optional<Opened> opened = this.jdbc.sql(CaseQueries.ATTACHMENT)
			.param("id", attachmentId)
			.param("caseId", file.id())
			.query((rs, n) -> new Opened(
					this.sealing.unsealText(file.dataKeyId(), rs.getBytes("sealed_name"), context(file.id(), "name")),
					this.sealing.unsealText(file.dataKeyId(), rs.getBytes("sealed_type"), context(file.id(), "type")),
					this.sealing.unseal(file.dataKeyId(), rs.getBytes("sealed_bytes"), context(file.id(), "bytes"))))
			.optional();
		opened.ifPresent(o -> this.audit.record(actor, ProtectedFields.READ,
				ProtectedFields.record(file, "attachment:" + attachmentId), reason, address));
		return opened;
	}

	@Transactional
	public void delete(Case file, long attachmentId) {
		this.jdbc.sql(CaseQueries.DELETE_ATTACHMENT).param("id", attachmentId).param("caseId", file.id()).update();
	}

	/**
	 * One context per case and part; the attachment's own id is not known before it is
	 * stored, and the case's data key already binds it to its case.
	 */
	private static String context(long caseId, String part) {
		return "case " + caseId + " attachment " + part;
	}

}
