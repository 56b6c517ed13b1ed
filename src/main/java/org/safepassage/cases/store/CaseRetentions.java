package org.safepassage.cases.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.cases.domain.Situation;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.sealing.Sealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long a case's protected part is kept (docs/security.md, "What we keep of case
 * files"). A case no longer at risk that staff left untouched for the review period is
 * due for review: caseworkers and admins keep it for another period, with a reason, or
 * erase its protected part. The daily job erases what nobody reviewed a grace period
 * after it first found it due, so a case is on the review list for at least that long
 * before it goes.
 * <p>
 * Erasure is crypto-shredding: the case's data key is destroyed (every copy of its sealed
 * values, in the database and in every backup, stops opening), the sealed columns are
 * emptied and the attachments deleted; who, when and why are in the audit
 * ({@code case.protected.erased}), never a value. The job claims one case at a time with
 * {@code SKIP LOCKED}, so instances running it at once share the work and never erase a
 * case twice.
 */
@Service
public class CaseRetentions {

	public static final String KEPT = "case.retention.kept";

	public static final String ERASED = "case.protected.erased";

	/** The actor the audit names when the job erased a case. */
	public static final String JOB = "retention job";

	private static final Logger log = LoggerFactory.getLogger(CaseRetentions.class);

	private static final String ERASE_SEALED = CaseQueries.ERASE_SEALED.formatted(CaseField.protectedFields()
		.stream()
		.map(field -> field.column() + " = null")
		.collect(Collectors.joining(", ")));

	private static final String[] AT_RISK = Arrays.stream(Situation.values())
		.filter(Situation::atRisk)
		.map(Situation::name)
		.toArray(String[]::new);

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final Sealing sealing;

	private final AuditLog audit;

	private final CasesProperties.Retention settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	CaseRetentions(JdbcClient jdbc, CaseRepository cases, Sealing sealing, AuditLog audit, CasesProperties properties,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.sealing = sealing;
		this.audit = audit;
		this.settings = properties.retention();
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * A case due for review: untouched since {@code untouchedSince}, due since
	 * {@code dueAt}, erased by the job on {@code eraseOn} unless someone decides first.
	 */
	public record Due(Case file, Instant untouchedSince, Instant dueAt, Instant eraseOn) {

		/** Why it is due: the person is safe, or the case was withdrawn from view. */
		public String reason() {
			return this.file.content().situation() == Situation.SAFE ? "safe" : "withdrawn";
		}

	}

	/** What one run of the job did. */
	public record Outcome(int cleared, int fellDue, int erased) {
	}

	/** The cases due for review, those due longest first. */
	public List<Due> due(int limit) {
		return due(null, limit);
	}

	/** The case, when it is due for review. */
	public Optional<Due> due(Case file) {
		return due(file.id(), 1).stream().findFirst();
	}

	private List<Due> due(Long id, int limit) {
		return due(this.jdbc.sql(CaseQueries.RETENTION_DUE), this.clock.instant()).param("id", id)
			.param("graceMonths", this.settings.graceMonths())
			.param("limit", limit)
			.query((rs, n) -> new Due(CaseRepository.map(rs, n), CaseRepository.instant(rs, "updated_at"),
					CaseRepository.instant(rs, "due_at"), CaseRepository.instant(rs, "erase_on")))
			.list();
	}

	/** Keeps a due case for another review period; the reason goes to the audit. */
	@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
	@Transactional
	public void keep(long id, String reason, String actor, String address) {
		Case file = this.cases.find(id).orElseThrow(() -> new RuleViolation("cases.retention.notDue", "No case " + id));
		RuleViolation.require(due(file).isPresent(), "cases.retention.notDue");
		file.keep(actor, this.clock.instant());
		this.cases.update(file);
		this.audit.record(actor, KEPT, record(file), reason, address);
	}

	/**
	 * Erases the protected part of a case now, due or not; the reason goes to the audit.
	 */
	@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
	@Transactional
	public void erase(long id, String reason, String actor, String address) {
		Case file = this.cases.find(id)
			.orElseThrow(() -> new RuleViolation("cases.retention.alreadyErased", "No case " + id));
		erase(file, actor, reason, address);
	}

	private void erase(Case file, String actor, String reason, String address) {
		long dataKey = file.dataKeyId();
		file.eraseProtectedPart(actor, this.clock.instant());
		this.cases.update(file);
		this.jdbc.sql(ERASE_SEALED).param("id", file.id()).update();
		this.jdbc.sql(CaseQueries.DELETE_ATTACHMENTS_OF_CASE).param("caseId", file.id()).update();
		this.sealing.destroyDataKey(dataKey);
		this.audit.record(actor, ERASED, record(file), reason, address);
	}

	/** The daily job, unless switched off. */
	public void runIfEnabled() {
		if (this.settings.enabled()) {
			run();
		}
	}

	/**
	 * Forgets "due since" of cases no longer due (touched, kept, back at risk), marks the
	 * ones that fell due, and erases those still due a grace period after they were
	 * marked: each case in its own transaction.
	 */
	public Outcome run() {
		Instant now = this.clock.instant();
		int cleared = this.transactions
			.execute(status -> due(this.jdbc.sql(CaseQueries.RETENTION_CLEAR), now).update());
		int fellDue = this.transactions.execute(status -> due(this.jdbc.sql(CaseQueries.RETENTION_MARK), now).update());
		List<Long> candidates = due(this.jdbc.sql(CaseQueries.RETENTION_TO_ERASE), now)
			.param("graceMonths", this.settings.graceMonths())
			.query(Long.class)
			.list();
		int erased = 0;
		for (long id : candidates) {
			try {
				Boolean done = this.transactions.execute(status -> claim(id, now).map(caseId -> {
					erase(this.cases.find(caseId).orElseThrow(), JOB,
							"unreviewed " + this.settings.graceMonths() + " months after it fell due for review", null);
					return true;
				}).orElse(false));
				erased += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Case retention: case {} could not be erased; the next run tries again", id, ex);
			}
		}
		if (cleared + fellDue + erased > 0) {
			log.info("Case retention: {} cases fell due for review, {} no longer due, {} protected parts erased",
					fellDue, cleared, erased);
		}
		return new Outcome(cleared, fellDue, erased);
	}

	private Optional<Long> claim(long id, Instant now) {
		return due(this.jdbc.sql(CaseQueries.RETENTION_CLAIM), now).param("graceMonths", this.settings.graceMonths())
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	private JdbcClient.StatementSpec due(JdbcClient.StatementSpec spec, Instant now) {
		return spec.param("atRisk", AT_RISK)
			.param("reviewMonths", this.settings.reviewAfterMonths())
			.param("now", Timestamp.from(now));
	}

	private static String record(Case file) {
		return "case:" + file.id() + " " + file.number();
	}

}
