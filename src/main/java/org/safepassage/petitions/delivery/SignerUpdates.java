package org.safepassage.petitions.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.safepassage.petitions.delivery.UpdateMails.Recipient;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.shared.Tokens;
import org.safepassage.system.mail.MailboxCap;
import org.safepassage.system.mail.Outbox;
import org.safepassage.system.mail.OutgoingMail;
import org.safepassage.system.mail.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues the mails of each update to the signers who asked for updates: confirmed, not
 * flagged, invalidated or removed, not on the suppression list. Never in the request that
 * recorded the update and never in one huge transaction: a job takes {@code batch-size}
 * signers at a time, in signature order after the update's cursor, and in one transaction
 * writes their mails to the outbox, their removal links, and the new cursor. The update's
 * row is locked for the batch ({@code SKIP LOCKED}), so two instances never take the same
 * batch; a crash rolls the batch back whole. Either way each signer is mailed once per
 * update.
 * <p>
 * Each mailbox gets at most {@code mails-per-mailbox-per-day} update mails a day from all
 * petitions together ({@link MailboxCap}, with a count of its own, apart from the public
 * forms' confirmations), counted for the whole batch in one statement. Those over the cap
 * are not queued, and the update counts them, for staff to see.
 */
@Component
public class SignerUpdates {

	private static final Logger log = LoggerFactory.getLogger(SignerUpdates.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DeliveryRecords records;

	private final PetitionRepository petitions;

	private final UpdateMails mails;

	private final Outbox outbox;

	private final Suppressions suppressions;

	private final MailboxCap cap;

	private final PetitionsProperties properties;

	private final Clock clock;

	SignerUpdates(JdbcClient jdbc, TransactionTemplate transactions, DeliveryRecords records,
			PetitionRepository petitions, UpdateMails mails, Outbox outbox, Suppressions suppressions, MailboxCap cap,
			PetitionsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.records = records;
		this.petitions = petitions;
		this.mails = mails;
		this.outbox = outbox;
		this.suppressions = suppressions;
		this.cap = cap;
		this.properties = properties;
		this.clock = clock;
	}

	/** The mailbox cap's count of update mails, apart from that of the public forms. */
	static final String CAP_KIND = "petitions.updates";

	/** The outbox category of one update's mails, by which staff see its progress. */
	static String category(long updateId) {
		return "petitions/update-" + updateId;
	}

	/** Queues every unfinished update, batch by batch; any instance may run it. */
	public void queueDue() {
		queueDue(properties.updates().batchSize());
	}

	/** Package-private so tests can take small batches. */
	void queueDue(int batchSize) {
		for (long id : jdbc.sql(PetitionQueries.UNFINISHED_UPDATES).query(Long.class).list()) {
			try {
				boolean more;
				do {
					more = Boolean.TRUE.equals(transactions.execute(status -> queueBatch(id, batchSize)));
				}
				while (more);
			}
			catch (RuntimeException e) {
				log.warn("Update {} to signers paused, will resume: {}", id, e.toString());
			}
		}
	}

	private record Locked(long id, long petitionId, String kind, Long responseId, long afterId) {
	}

	/**
	 * @return whether this update has more signers to queue
	 */
	private boolean queueBatch(long updateId, int limit) {
		Optional<Locked> locked = jdbc.sql(PetitionQueries.LOCK_UPDATE)
			.param("id", updateId)
			.query((rs, n) -> new Locked(rs.getLong("id"), rs.getLong("petition_id"), rs.getString("kind"),
					rs.getObject("response_id", Long.class), rs.getLong("after_id")))
			.optional();
		if (locked.isEmpty()) {
			return false;
		}
		Locked update = locked.get();
		List<Recipient> batch = jdbc.sql(PetitionQueries.UPDATE_RECIPIENTS)
			.param("petitionId", update.petitionId())
			.param("afterId", update.afterId())
			.param("limit", limit)
			.query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
					rs.getString("locale")))
			.list();
		Instant now = clock.instant();
		int[] queued = { 0, 0 };
		if (!batch.isEmpty()) {
			queued = queue(update, batch, now);
		}
		boolean finished = batch.size() < limit;
		jdbc.sql(PetitionQueries.ADVANCE_UPDATE)
			.param("id", update.id())
			.param("afterId", batch.isEmpty() ? update.afterId() : batch.getLast().signatureId())
			.param("queued", queued[0])
			.param("capped", queued[1])
			.param("finishedAt", finished ? PetitionQueries.at(now) : null)
			.update();
		if (finished) {
			log.info("Update {} of petition {} queued for its signers", update.id(), update.petitionId());
		}
		return !finished;
	}

	/**
	 * @return mails queued, mails not queued because their mailbox had reached the day's
	 * cap
	 */
	private int[] queue(Locked update, List<Recipient> batch, Instant now) {
		UpdateMails.Subject subject = subject(update);
		Set<String> suppressed = suppressions.suppressedAmong(batch.stream().map(Recipient::email).toList());
		List<Recipient> wanted = batch.stream().filter(r -> !suppressed.contains(r.email())).toList();
		List<Recipient> allowed = cap.allowed(wanted, Recipient::email, CAP_KIND,
				properties.updates().mailsPerMailboxPerDay());
		List<OutgoingMail> out = new ArrayList<>();
		List<byte[]> hashes = new ArrayList<>();
		List<Long> signatures = new ArrayList<>();
		for (Recipient recipient : allowed) {
			String token = Tokens.newToken();
			out.add(mails.write(subject, recipient, token));
			hashes.add(Tokens.hash(token));
			signatures.add(recipient.signatureId());
		}
		if (!out.isEmpty()) {
			// Links that only remove: the signatures are confirmed, so they confirm
			// nothing, and they expire at once for that purpose.
			jdbc.sql(PetitionQueries.INSERT_LINKS)
				.param("tokenHashes", hashes.toArray(byte[][]::new))
				.param("signatureIds", signatures.toArray(Long[]::new))
				.param("expiresAt", PetitionQueries.at(now))
				.update();
			outbox.enqueueAll(out);
		}
		return new int[] { out.size(), wanted.size() - allowed.size() };
	}

	private UpdateMails.Subject subject(Locked update) {
		String title = petitions.find(update.petitionId()).orElseThrow().content().title();
		if (update.responseId() != null) {
			return new UpdateMails.Subject(update.id(), update.petitionId(), title, null,
					records.response(update.responseId()).orElseThrow());
		}
		return new UpdateMails.Subject(update.id(), update.petitionId(), title,
				records.delivery(update.petitionId()).orElseThrow(), null);
	}

}
