package org.safepassage.cases.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.ProtectedPart;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.sealing.Sealing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protected part of a case: sealed before it reaches the database, under the case's
 * own data key and a context naming the case and the field. Writing needs no reading (a
 * blank field keeps its value); reading one field is a reveal, for caseworkers and admins
 * only, with a reason, recorded in the audit as who, when, which case, which field and
 * the reason, never the value.
 */
@Service
public class ProtectedFields {

	/** The audit action of a reveal (shared with the admin's "who looked at what"). */
	public static final String READ = "protected.read";

	private final JdbcClient jdbc;

	private final Sealing sealing;

	private final AuditLog audit;

	private final Clock clock;

	ProtectedFields(JdbcClient jdbc, Sealing sealing, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.sealing = sealing;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Seals each given value over the stored one; an empty value erases the field, a
	 * field not given is left as it is.
	 */
	@Transactional
	public void write(Case file, ProtectedPart changes) {
		RuleViolation.require(!file.erased(), "cases.retention.erased");
		changes.values().forEach((field, value) -> {
			byte[] sealed = (value == null || value.isBlank()) ? null
					: this.sealing.sealText(file.dataKeyId(), value.strip(), field.context(file.id()));
			this.jdbc.sql(CaseQueries.SEAL_FIELD.formatted(field.column()))
				.param("sealed", sealed)
				.param("now", Timestamp.from(this.clock.instant()))
				.param("id", file.id())
				.update();
		});
	}

	/** Which protected fields hold a value (staff see them masked). */
	public Map<CaseField, Boolean> recorded(Case file) {
		Map<CaseField, Boolean> recorded = new EnumMap<>(CaseField.class);
		for (CaseField field : CaseField.protectedFields()) {
			recorded.put(field,
					this.jdbc.sql(CaseQueries.HAS_FIELD.formatted(field.column()))
						.param("id", file.id())
						.query(Boolean.class)
						.single());
		}
		return recorded;
	}

	/**
	 * The value of one protected field, recorded in the audit with the reason; null when
	 * nothing is recorded.
	 */
	@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
	@Transactional
	public String reveal(Case file, CaseField field, String reason, String actor, String address) {
		if (!field.isProtected()) {
			throw new IllegalArgumentException(field + " is not protected");
		}
		RuleViolation.require(!file.erased(), "cases.retention.erased");
		this.audit.record(actor, READ, record(file, field.column()), reason, address);
		return open(file, field);
	}

	/** The whole protected part, for an approved export (audited there). */
	@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
	ProtectedPart all(Case file) {
		Map<CaseField, String> values = new EnumMap<>(CaseField.class);
		for (CaseField field : CaseField.protectedFields()) {
			values.put(field, open(file, field));
		}
		return ProtectedPart.of(values);
	}

	private String open(Case file, CaseField field) {
		List<byte[]> rows = this.jdbc.sql(CaseQueries.SEALED_FIELD.formatted(field.column()))
			.param("id", file.id())
			.query((rs, n) -> rs.getBytes(1))
			.list();
		byte[] sealed = rows.isEmpty() ? null : rows.getFirst();
		return this.sealing.unsealText(file.dataKeyId(), sealed, field.context(file.id()));
	}

	/** How the audit names a case's field: {@code case:12 field:real_name}. */
	public static String record(Case file, String field) {
		return "case:" + file.id() + " field:" + field;
	}

}
