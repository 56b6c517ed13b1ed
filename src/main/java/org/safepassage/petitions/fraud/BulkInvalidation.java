package org.safepassage.petitions.fraud;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff invalidate a petition's signatures in bulk (by address, range, domain, email,
 * country, time window, together) after a preview, and restore a batch as one action.
 * Each is a few set-based statements: the signatures change and the count queue gets -1
 * (or +1) for each that was (or becomes) counting, in one transaction, so the public
 * count follows within the usual fold interval. A signature already invalidated is never
 * matched again, so nothing is subtracted twice.
 */
@Service
public class BulkInvalidation {

	public record Preview(long signatures, long counting, List<SuspectSignature> sample) {
	}

	public record Batch(long id, String criteria, String reason, String invalidatedBy, Instant invalidatedAt,
			int signatures, int stoppedCounting, String restoredBy, Instant restoredAt, Integer restored) {

		public boolean isRestored() {
			return restoredAt != null;
		}

	}

	/**
	 * How many signatures an action changed, and how many of them changed the count
	 * (shown after the redirect, so kept in the session).
	 */
	public record Result(long batch, long signatures, long counting) implements Serializable {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final FraudProperties properties;

	private final Clock clock;

	private final PetitionRepository petitions;

	BulkInvalidation(JdbcClient jdbc, AuditLog audit, FraudProperties properties, Clock clock,
			PetitionRepository petitions) {
		this.petitions = petitions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Preview preview(long petitionId, Criteria criteria) {
		requireCriteria(criteria);
		long[] counts = criteria.bind(jdbc.sql(PetitionQueries.PREVIEW_COUNT).param("id", petitionId))
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("counting") })
			.single();
		List<SuspectSignature> sample = criteria.bind(jdbc.sql(PetitionQueries.PREVIEW_SAMPLE).param("id", petitionId))
			.param("limit", properties.sampleSize())
			.query((rs, n) -> SuspectSignature.map(rs, List.of(), List.of(), List.of()))
			.list();
		return new Preview(counts[0], counts[1], sample);
	}

	@Transactional
	public Result invalidate(long petitionId, Criteria criteria, String reason, String actor) {
		requireCriteria(criteria);
		requireCountCanChange(petitionId);
		RuleViolation.require(reason != null && !reason.isBlank(), "fraud.rule.reasonNeeded");
		Instant now = clock.instant();
		long batch = jdbc.sql(PetitionQueries.INSERT_INVALIDATION)
			.param("id", petitionId)
			.param("criteria", criteria.describe())
			.param("reason", reason)
			.param("actor", actor)
			.param("now", PetitionQueries.at(now))
			.query(Long.class)
			.single();
		long[] counts = criteria
			.bind(jdbc.sql(PetitionQueries.INVALIDATE)
				.param("id", petitionId)
				.param("batch", batch)
				.param("now", PetitionQueries.at(now))
				.param("reason", reason))
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("counting") })
			.single();
		jdbc.sql(PetitionQueries.RECORD_INVALIDATED)
			.param("batch", batch)
			.param("n", counts[0])
			.param("counting", counts[1])
			.update();
		audit.record(actor, "signatures.invalidated",
				"petition=" + petitionId + " batch=" + batch + " " + criteria.describe(),
				counts[0] + " invalidated, " + counts[1] + " stopped counting", null);
		return new Result(batch, counts[0], counts[1]);
	}

	@Transactional
	public Result restore(long petitionId, long batch, String actor) {
		requireCountCanChange(petitionId);
		int marked = jdbc.sql(PetitionQueries.MARK_RESTORED)
			.param("id", petitionId)
			.param("batch", batch)
			.param("actor", actor)
			.param("now", PetitionQueries.at(clock.instant()))
			.update();
		RuleViolation.require(marked == 1, "fraud.rule.restoreOnce");
		long[] counts = jdbc.sql(PetitionQueries.RESTORE)
			.param("id", petitionId)
			.param("batch", batch)
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("counting") })
			.single();
		jdbc.sql(PetitionQueries.RECORD_RESTORED).param("batch", batch).param("n", counts[0]).update();
		audit.record(actor, "signatures.restored", "petition=" + petitionId + " batch=" + batch,
				counts[0] + " restored, " + counts[1] + " count again", null);
		return new Result(batch, counts[0], counts[1]);
	}

	public List<Batch> batches(long petitionId) {
		return jdbc.sql(PetitionQueries.INVALIDATIONS).param("id", petitionId).query((rs, n) -> {
			Timestamp restoredAt = rs.getTimestamp("restored_at");
			return new Batch(rs.getLong("id"), rs.getString("criteria"), rs.getString("reason"),
					rs.getString("invalidated_by"), rs.getTimestamp("invalidated_at").toInstant(),
					rs.getInt("signatures"), rs.getInt("stopped_counting"), rs.getString("restored_by"),
					restoredAt == null ? null : restoredAt.toInstant(), rs.getObject("restored", Integer.class));
		}).list();
	}

	/**
	 * A delivered petition's count is what was handed over (and what its pack's digest
	 * covers).
	 */
	private void requireCountCanChange(long petitionId) {
		Petition petition = petitions.find(petitionId)
			.orElseThrow(() -> new NotFoundException("No petition " + petitionId));
		RuleViolation.require(petition.state() != PetitionState.DELIVERED, "fraud.rule.countFixed");
	}

	private static void requireCriteria(Criteria criteria) {
		RuleViolation.require(!criteria.isEmpty(), "fraud.rule.criteriaNeeded");
	}

}
