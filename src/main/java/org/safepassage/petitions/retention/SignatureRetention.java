package org.safepassage.petitions.retention;

import static org.safepassage.petitions.domain.PetitionQueries.at;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongSupplier;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retires the personal data of signatures (docs/security.md, "What we keep of signatures,
 * and for how long"): addresses after {@code addresses-for}; names, e-mails and postcodes
 * {@code personal-data-months} after the petition was delivered (or closed, when it was
 * never delivered, or hidden, when it was hidden while open); unconfirmed signatures once
 * all their links have expired.
 * <p>
 * Rows are kept for confirmed signatures, so counts, countries, dates and the recount do
 * not change. Every batch is its own short transaction touching at most
 * {@code batch-size} rows, so signing and confirming never wait long behind it; rows are
 * claimed with {@code SKIP LOCKED}, so several instances running it at once share the
 * work and none waits for another.
 */
@Service
public class SignatureRetention {

	private static final Logger log = LoggerFactory.getLogger(SignatureRetention.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PetitionsProperties.Retention settings;

	private final Clock clock;

	SignatureRetention(JdbcClient jdbc, PlatformTransactionManager transactionManager, PetitionsProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = properties.retention();
		this.clock = clock;
	}

	/** What one run did. */
	public record Outcome(long addressesForgotten, long signaturesErased, long petitionsErased,
			long unconfirmedRemoved) {
	}

	/** The daily job: each part in batches, the time from the application's clock. */
	public Outcome run() {
		Instant now = clock.instant();
		long removed = part("removing unconfirmed signatures", () -> removeExpiredUnconfirmed(now));
		long forgotten = part("dropping addresses", () -> forgetAddresses(now));
		long[] erased = { 0, 0 };
		part("erasing personal data", () -> {
			long[] done = erasePersonalData(now);
			erased[0] = done[0];
			erased[1] = done[1];
			return done[0];
		});
		Outcome outcome = new Outcome(forgotten, erased[0], erased[1], removed);
		log.info("Retention: {} addresses dropped, {} signatures erased ({} petitions done), {} unconfirmed removed",
				outcome.addressesForgotten(), outcome.signaturesErased(), outcome.petitionsErased(),
				outcome.unconfirmedRemoved());
		return outcome;
	}

	/**
	 * When the signers' details of a petition are erased: done (and when), due (from
	 * when), or not yet known while it is neither closed nor hidden. For the staff page,
	 * who must download what they need before then.
	 */
	public record Erasure(Instant erasedAt, Instant dueAt) {
	}

	public Erasure erasure(long petitionId, Instant closedAt, Instant deliveredAt, Instant hiddenAt) {
		Instant erasedAt = jdbc.sql(PetitionQueries.PERSONAL_DATA_ERASED_AT)
			.param("petitionId", petitionId)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(null);
		Instant from = deliveredAt != null ? deliveredAt : closedAt != null ? closedAt : hiddenAt;
		Instant dueAt = from == null ? null
				: from.atOffset(ZoneOffset.UTC).plusMonths(settings.personalDataMonths()).toInstant();
		return new Erasure(erasedAt, dueAt);
	}

	/** Runs {@link #run()} unless switched off. */
	public void runIfEnabled() {
		if (settings.enabled()) {
			run();
		}
	}

	/**
	 * One part of the run; its failure (the database away, a row another module still
	 * refers to) stops neither the other parts nor the schedule. What a part had done is
	 * committed batch by batch; the next run carries on from there.
	 */
	private static long part(String what, LongSupplier work) {
		try {
			return work.getAsLong();
		}
		catch (RuntimeException e) {
			log.warn("Retention: {} stopped; the next run carries on", what, e);
			return 0;
		}
	}

	long forgetAddresses(Instant now) {
		Instant before = now.minus(settings.addressesFor());
		return inBatches(() -> jdbc.sql(PetitionQueries.FORGET_ADDRESSES)
			.param("before", at(before))
			.param("limit", settings.batchSize())
			.update());
	}

	/**
	 * @return signatures erased, petitions completed
	 */
	long[] erasePersonalData(Instant now) {
		Instant before = now.atOffset(ZoneOffset.UTC).minusMonths(settings.personalDataMonths()).toInstant();
		List<Long> petitions = jdbc.sql(PetitionQueries.PETITIONS_TO_ERASE)
			.param("before", at(before))
			.query(Long.class)
			.list();
		long erased = 0;
		long done = 0;
		for (long petitionId : petitions) {
			long[] span = jdbc.sql(PetitionQueries.SIGNATURE_SPAN_OF_PETITION)
				.param("petitionId", petitionId)
				.query((rs, n) -> new long[] { rs.getLong("first"), rs.getLong("last") })
				.single();
			erased += inRanges(span,
					(from, to) -> jdbc.sql(PetitionQueries.ERASE_SIGNATURES)
						.param("petitionId", petitionId)
						.param("from", from)
						.param("to", to)
						.param("now", at(now))
						.update());
			done += transactions.execute(status -> jdbc.sql(PetitionQueries.MARK_PETITION_ERASED)
				.param("petitionId", petitionId)
				.param("now", at(now))
				.update());
		}
		return new long[] { erased, done };
	}

	long removeExpiredUnconfirmed(Instant now) {
		long[] span = jdbc.sql(PetitionQueries.SIGNATURE_SPAN)
			.query((rs, n) -> new long[] { rs.getLong("first"), rs.getLong("last") })
			.single();
		return inRanges(span,
				(from, to) -> jdbc.sql(PetitionQueries.DELETE_EXPIRED_UNCONFIRMED)
					.param("from", from)
					.param("to", to)
					.param("now", at(now))
					.update());
	}

	/**
	 * Repeats a batch, each in its own transaction, until one finds less than a full
	 * batch.
	 */
	private long inBatches(LongSupplier batch) {
		long total = 0;
		long done;
		do {
			done = transactions.execute(status -> batch.getAsLong());
			total += done;
		}
		while (done >= settings.batchSize());
		return total;
	}

	private interface Range {

		int apply(long from, long to);

	}

	/**
	 * Walks the ids from {@code span[0]} to {@code span[1]} in ranges of
	 * {@code batch-size}, each in its own transaction: a range holds at most that many
	 * rows, and the walk is linear however the rows lie.
	 */
	private long inRanges(long[] span, Range range) {
		long total = 0;
		for (long from = span[0]; from <= span[1]; from += settings.batchSize()) {
			long start = from;
			total += transactions.execute(status -> range.apply(start, start + settings.batchSize()));
		}
		return total;
	}

}
