package org.safepassage.petitions.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.signing.SignatureBatcher.Outcome;
import org.safepassage.petitions.signing.SignatureBatcher.PendingSignature;
import org.safepassage.system.mail.MailboxCap;
import org.safepassage.system.mail.Outbox;
import org.safepassage.system.mail.OutgoingMail;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one batch of signatures for {@link SignatureBatcher} in one transaction: flags
 * those over the per-address limits, inserts them (a repeat bumps its mail budget
 * instead) and puts their mails in the outbox. A flagged signature gets no mail, and the
 * mails of the batch are held to the {@link MailboxCap} with one statement for all of
 * them; the signer's answer is the same either way.
 */
@Component
class SignatureBatchWriter {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final MailboxCap mailboxCap;

	private final PetitionsProperties properties;

	private final OverLimitFlags overLimit;

	private final Clock clock;

	SignatureBatchWriter(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, MailboxCap mailboxCap,
			PetitionsProperties properties, OverLimitFlags overLimit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = outbox;
		this.mailboxCap = mailboxCap;
		this.properties = properties;
		this.overLimit = overLimit;
		this.clock = clock;
	}

	/**
	 * Stores the batch and says what became of each signature; retried once on a
	 * deadlock.
	 */
	Map<PendingSignature, Outcome> write(List<PendingSignature> batch) {
		try {
			return transactions.execute(status -> store(batch));
		}
		catch (PessimisticLockingFailureException e) {
			return transactions.execute(status -> store(batch));
		}
	}

	/**
	 * A mail a stored signature causes; a repeat mails a new link (confirming, or only
	 * removing once confirmed), stored only if the mail goes.
	 */
	private record SignatureMail(OutgoingMail mail, Long newLinkOf, byte[] newLinkHash) {
	}

	private Map<PendingSignature, Outcome> store(List<PendingSignature> batch) {
		Instant now = clock.instant();
		Map<String, String> flags = overLimit.of(batch, now);
		Map<PendingSignature, Outcome> outcomes = new HashMap<>();
		List<SignatureMail> mails = new ArrayList<>();
		// The same address twice in one statement is not allowed by ON CONFLICT; later
		// copies go in a later round.
		List<PendingSignature> remaining = batch;
		while (!remaining.isEmpty()) {
			Set<String> keys = new HashSet<>();
			List<PendingSignature> round = new ArrayList<>();
			List<PendingSignature> later = new ArrayList<>();
			for (PendingSignature p : remaining) {
				(keys.add(p.key()) ? round : later).add(p);
			}
			storeRound(round, now, flags, outcomes, mails);
			remaining = later;
		}
		List<SignatureMail> going = mailboxCap.allowed(mails, m -> m.mail().recipient());
		storeNewLinks(going, now);
		outbox.enqueueAll(going.stream().map(SignatureMail::mail).toList());
		return outcomes;
	}

	private record Stored(long id, long petitionId, String canonical, String email, String name, String locale,
			boolean firstTime, boolean confirmed, boolean flagged) {
	}

	private void storeRound(List<PendingSignature> round, Instant now, Map<String, String> flags,
			Map<PendingSignature, Outcome> outcomes, List<SignatureMail> mails) {
		int n = round.size();
		Long[] petitionIds = new Long[n];
		String[] names = new String[n], emails = new String[n], canonicals = new String[n], countries = new String[n],
				postcodes = new String[n], locales = new String[n], ips = new String[n], reasons = new String[n];
		Boolean[] keepUpdated = new Boolean[n], flagged = new Boolean[n];
		byte[][] hashes = new byte[n][];
		for (int i = 0; i < n; i++) {
			PendingSignature p = round.get(i);
			petitionIds[i] = p.petitionId();
			names[i] = p.name();
			emails[i] = p.email();
			canonicals[i] = p.canonicalEmail();
			countries[i] = p.country();
			postcodes[i] = p.postcode();
			keepUpdated[i] = p.keepUpdated();
			locales[i] = p.locale().toLanguageTag();
			ips[i] = p.ip();
			hashes[i] = p.tokenHash();
			reasons[i] = flags.get(p.key());
			flagged[i] = reasons[i] != null;
		}
		Map<String, Stored> stored = new HashMap<>();
		jdbc.sql(PetitionQueries.SIGN_BATCH)
			.param("petitionIds", petitionIds)
			.param("names", names)
			.param("emails", emails)
			.param("canonicals", canonicals)
			.param("countries", countries)
			.param("postcodes", postcodes)
			.param("keepUpdated", keepUpdated)
			.param("locales", locales)
			.param("ips", ips)
			.param("tokenHashes", hashes)
			.param("flagged", flagged)
			.param("flagReasons", reasons)
			.param("expiresAt", PetitionQueries.at(now.plus(properties.confirmationTtl())))
			.param("now", PetitionQueries.at(now))
			.param("maxMails", properties.mailsPerSignature())
			.query((rs, row) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9)))
			.list()
			.forEach(s -> stored.put(s.petitionId() + "/" + s.canonical(), s));
		Set<Long> openPetitions = null;
		for (PendingSignature p : round) {
			Stored s = stored.get(p.key());
			if (s != null) {
				outcomes.put(p, Outcome.STORED);
				// Over the per-address limits, now or when first signed: no mail.
				if (!s.flagged() && !flags.containsKey(p.key())) {
					mails.add(mailFor(p, s));
				}
				continue;
			}
			if (openPetitions == null) {
				openPetitions = openAmong(round, now);
			}
			// No row: either the petition closed meanwhile, or this address has had all
			// its mails.
			outcomes.put(p, openPetitions.contains(p.petitionId()) ? Outcome.STORED : Outcome.PETITION_CLOSED);
		}
	}

	private static SignatureMail mailFor(PendingSignature p, Stored s) {
		if (s.firstTime()) {
			return new SignatureMail(p.confirmationMail(), null, null);
		}
		OutgoingMail repeat = p.repeatMail()
			.compose(s.email(), s.name(), Locale.forLanguageTag(s.locale()), s.confirmed());
		// Its token is stored either way: for an unconfirmed signature it confirms, and
		// every mail's token works the signature's removal link.
		return new SignatureMail(repeat, s.id(), p.tokenHash());
	}

	private void storeNewLinks(List<SignatureMail> going, Instant now) {
		List<SignatureMail> withLinks = going.stream().filter(m -> m.newLinkOf() != null).toList();
		if (withLinks.isEmpty()) {
			return;
		}
		jdbc.sql(PetitionQueries.INSERT_LINKS)
			.param("tokenHashes", withLinks.stream().map(SignatureMail::newLinkHash).toArray(byte[][]::new))
			.param("signatureIds", withLinks.stream().map(SignatureMail::newLinkOf).toArray(Long[]::new))
			.param("expiresAt", PetitionQueries.at(now.plus(properties.confirmationTtl())))
			.update();
	}

	private Set<Long> openAmong(List<PendingSignature> round, Instant now) {
		Long[] ids = round.stream().map(PendingSignature::petitionId).distinct().toArray(Long[]::new);
		return new HashSet<>(jdbc.sql(PetitionQueries.OPEN_AMONG)
			.param("ids", ids)
			.param("now", PetitionQueries.at(now))
			.query(Long.class)
			.list());
	}

}
