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
import org.safepassage.system.mail.Outbox;
import org.safepassage.system.mail.OutgoingMail;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one batch of signatures for {@link SignatureBatcher} in one transaction: flags
 * those over the per-address limits, inserts them (a repeat bumps its mail budget
 * instead) and puts their mails in the outbox.
 */
@Component
class SignatureBatchWriter {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final PetitionsProperties properties;

	private final SignatureLimits limits;

	private final List<IpAddressMatcher> allowList;

	private final Clock clock;

	SignatureBatchWriter(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox,
			PetitionsProperties properties, SignatureLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = outbox;
		this.properties = properties;
		this.limits = limits;
		this.allowList = limits.allowListMatchers();
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

	private Map<PendingSignature, Outcome> store(List<PendingSignature> batch) {
		Instant now = clock.instant();
		Map<String, String> flags = flagsOverLimits(batch, now);
		Map<PendingSignature, Outcome> outcomes = new HashMap<>();
		List<OutgoingMail> mails = new ArrayList<>();
		// The same address twice in one statement is not allowed by ON CONFLICT; later
		// copies go in a later round.
		List<PendingSignature> remaining = batch;
		while (!remaining.isEmpty()) {
			Set<String> keys = new HashSet<>();
			List<PendingSignature> round = new ArrayList<>();
			List<PendingSignature> later = new ArrayList<>();
			for (PendingSignature p : remaining) {
				(keys.add(p.petitionId() + "/" + p.canonicalEmail()) ? round : later).add(p);
			}
			storeRound(round, now, flags, outcomes, mails);
			remaining = later;
		}
		outbox.enqueueAll(mails);
		return outcomes;
	}

	private record Stored(long id, long petitionId, String canonical, String email, String name, String locale,
			boolean firstTime, boolean confirmed) {
	}

	private void storeRound(List<PendingSignature> round, Instant now, Map<String, String> flags,
			Map<PendingSignature, Outcome> outcomes, List<OutgoingMail> mails) {
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
			reasons[i] = flags.get(key(p));
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
					rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)))
			.list()
			.forEach(s -> stored.put(s.petitionId() + "/" + s.canonical(), s));
		Set<Long> openPetitions = null;
		List<byte[]> newLinks = new ArrayList<>();
		List<Long> newLinkSignatures = new ArrayList<>();
		for (PendingSignature p : round) {
			Stored s = stored.get(p.petitionId() + "/" + p.canonicalEmail());
			if (s != null) {
				mails.add(s.firstTime() ? p.confirmationMail() : p.repeatMail()
					.compose(s.email(), s.name(), Locale.forLanguageTag(s.locale()), s.confirmed()));
				if (!s.firstTime() && !s.confirmed()) {
					newLinks.add(p.tokenHash());
					newLinkSignatures.add(s.id());
				}
				outcomes.put(p, Outcome.STORED);
				continue;
			}
			if (openPetitions == null) {
				openPetitions = openAmong(round, now);
			}
			// No row: either the petition closed meanwhile, or this address has had all
			// its mails.
			outcomes.put(p, openPetitions.contains(p.petitionId()) ? Outcome.STORED : Outcome.PETITION_CLOSED);
		}
		if (!newLinks.isEmpty()) {
			jdbc.sql(PetitionQueries.INSERT_LINKS)
				.param("tokenHashes", newLinks.toArray(byte[][]::new))
				.param("signatureIds", newLinkSignatures.toArray(Long[]::new))
				.param("expiresAt", PetitionQueries.at(now.plus(properties.confirmationTtl())))
				.update();
		}
	}

	private Set<Long> openAmong(List<PendingSignature> round, Instant now) {
		Long[] ids = round.stream().map(PendingSignature::petitionId).distinct().toArray(Long[]::new);
		return new HashSet<>(jdbc.sql(PetitionQueries.OPEN_AMONG)
			.param("ids", ids)
			.param("now", PetitionQueries.at(now))
			.query(Long.class)
			.list());
	}

	/**
	 * Flags, per signature, any that go over the per-address limits, counting earlier
	 * ones in this batch.
	 */
	private Map<String, String> flagsOverLimits(List<PendingSignature> batch, Instant now) {
		Map<String, String> flags = new HashMap<>();
		if (!limits.enabled()) {
			return flags;
		}
		Map<Long, List<PendingSignature>> byPetition = new HashMap<>();
		for (PendingSignature p : batch) {
			if (p.ip() != null && !isAllowListed(p.ip())) {
				byPetition.computeIfAbsent(p.petitionId(), id -> new ArrayList<>()).add(p);
			}
		}
		byPetition.forEach((petitionId, signatures) -> {
			String[] ips = signatures.stream().map(PendingSignature::ip).distinct().toArray(String[]::new);
			Map<String, long[]> recent = new HashMap<>();
			jdbc.sql(PetitionQueries.RECENT_BY_IP)
				.param("petitionId", petitionId)
				.param("ips", ips)
				.param("now", PetitionQueries.at(now))
				.param("burstSeconds", limits.burstWindow().toSeconds())
				.param("sustainedSeconds", limits.sustainedWindow().toSeconds())
				.query(rs -> {
					recent.put(rs.getString("ip"), new long[] { rs.getLong("in_burst"), rs.getLong("in_sustained") });
				});
			for (PendingSignature p : signatures) {
				long[] counts = recent.computeIfAbsent(p.ip(), ip -> new long[2]);
				String reason = limits.flagReason(counts[0], counts[1]);
				if (reason != null) {
					flags.put(key(p), reason);
				}
				counts[0]++;
				counts[1]++;
			}
		});
		return flags;
	}

	private boolean isAllowListed(String ip) {
		for (IpAddressMatcher matcher : allowList) {
			if (matcher.matches(ip)) {
				return true;
			}
		}
		return false;
	}

	private static String key(PendingSignature p) {
		return p.petitionId() + "/" + p.canonicalEmail();
	}

}
