package org.safepassage.evidence.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.safepassage.system.sealing.ProtectedReads;
import org.safepassage.system.sealing.Sealing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protected notes of source reports: sealed under a data key per report, bound to
 * {@code "report {id} protected_note"}, stored apart from the report's content, so
 * nothing that lists or exports reports can carry them. Read only through
 * {@link #reveal}, which records who read which note and why before opening it.
 */
@Service
public class ProtectedNotes {

	/** The field's name in the audit log and in the sealing context. */
	public static final String FIELD = "protected_note";

	private final JdbcClient jdbc;

	private final Sealing sealing;

	private final ProtectedReads reads;

	ProtectedNotes(JdbcClient jdbc, Sealing sealing, ProtectedReads reads) {
		this.jdbc = jdbc;
		this.sealing = sealing;
		this.reads = reads;
	}

	private record Stored(byte[] sealed, Long dataKey) {
	}

	/** Whether the report holds a protected note (without opening it). */
	public boolean has(long reportId) {
		return this.jdbc.sql(EvidenceQueries.HAS_PROTECTED_NOTE)
			.param("id", reportId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Which reports of an incident hold a protected note (without opening any). */
	public Set<Long> reportsWithNotes(long incidentId) {
		return Set.copyOf(this.jdbc.sql(EvidenceQueries.REPORTS_WITH_PROTECTED_NOTES)
			.param("id", incidentId)
			.query(Long.class)
			.list());
	}

	/**
	 * Opens a report's protected note for {@code actor}, once the read is in the audit
	 * log (who, when, which report, which field, why). Empty when the report holds none.
	 */
	public Optional<String> reveal(long reportId, String actor, String reason, String address) {
		Optional<Stored> stored = stored(reportId).filter(note -> note.sealed() != null);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		this.reads.record(actor, "report:" + reportId, FIELD, reason, address);
		return Optional.of(this.sealing.unsealText(stored.get().dataKey(), stored.get().sealed(), context(reportId)));
	}

	/** Seals {@code note} as the report's protected note, replacing any before it. */
	@Transactional
	void write(long reportId, String note) {
		Stored stored = stored(reportId).orElseThrow();
		long dataKey = (stored.dataKey() != null) ? stored.dataKey() : this.sealing.newDataKey();
		this.jdbc.sql(EvidenceQueries.SET_PROTECTED_NOTE)
			.param("id", reportId)
			.param("sealed", this.sealing.sealText(dataKey, note, context(reportId)))
			.param("dataKey", dataKey)
			.update();
	}

	/** Deletes the note and its data key: copies in old backups no longer open either. */
	@Transactional
	void remove(long reportId) {
		Optional<Stored> stored = stored(reportId);
		this.jdbc.sql(EvidenceQueries.CLEAR_PROTECTED_NOTE).param("id", reportId).update();
		stored.map(Stored::dataKey).ifPresent(this.sealing::destroyDataKey);
	}

	/** Before a draft incident and its reports are deleted: their notes' data keys go. */
	@Transactional
	void removeAllOfDraft(long incidentId) {
		List<Long> keys = this.jdbc.sql(EvidenceQueries.PROTECTED_NOTE_KEYS_OF_DRAFT)
			.param("id", incidentId)
			.query(Long.class)
			.list();
		keys.forEach(this.sealing::destroyDataKey);
	}

	private Optional<Stored> stored(long reportId) {
		return this.jdbc.sql(EvidenceQueries.PROTECTED_NOTE)
			.param("id", reportId)
			.query((rs, n) -> new Stored(rs.getBytes("protected_note"), rs.getObject("protected_note_key", Long.class)))
			.optional();
	}

	private static String context(long reportId) {
		return "report " + reportId + " " + FIELD;
	}

}
