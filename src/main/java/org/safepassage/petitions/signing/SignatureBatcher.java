package org.safepassage.petitions.signing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.system.mail.Outbox;
import org.safepassage.system.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for signatures. Request threads hand in validated signatures and wait;
 * writer threads take whatever has queued up (up to {@code max-batch}) and store it, with
 * its confirmation mails, in one transaction. A signer is answered only after that
 * commit, so an acknowledged signature is durable, while the database sees one commit per
 * batch instead of one per signature.
 */
@Component
public class SignatureBatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SignatureBatcher.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final PetitionsProperties properties;

	private final SignatureLimits limits;

	private final List<IpAddressMatcher> allowList;

	private final Clock clock;

	private final BlockingQueue<PendingSignature> queue;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	SignatureBatcher(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, PetitionsProperties properties,
			SignatureLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = outbox;
		this.properties = properties;
		this.limits = limits;
		this.allowList = limits.allowListMatchers();
		this.clock = clock;
		this.queue = new ArrayBlockingQueue<>(properties.batching().queueCapacity());
	}

	/** What became of a signature once its batch committed. */
	enum Outcome {

		STORED, PETITION_CLOSED

	}

	/**
	 * A signature waiting to be written, with its confirmation mail already rendered by
	 * the request thread (rendering is the costly part, and request threads run in
	 * parallel).
	 */
	record PendingSignature(long petitionId, String name, String email, String canonicalEmail, String country,
			String postcode, boolean keepUpdated, Locale locale, String ip, byte[] tokenHash,
			OutgoingMail confirmationMail, RepeatMail repeatMail, CompletableFuture<Outcome> outcome) {
	}

	/** Renders the mail for a repeat, which is rare enough to do on the writer thread. */
	interface RepeatMail {

		OutgoingMail compose(String storedEmail, String storedName, Locale storedLocale, boolean confirmed);

	}

	/**
	 * @throws SigningOverloaded when the queue is full: the caller answers 503 rather
	 * than wait without end.
	 */
	Outcome submit(PendingSignature pending) {
		if (!running || !queue.offer(pending)) {
			throw new SigningOverloaded();
		}
		try {
			return pending.outcome().get(properties.batching().maxWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SigningOverloaded();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (TimeoutException e) {
			// The batch may still commit; the signer can safely sign again (a repeat
			// changes nothing).
			throw new SigningOverloaded();
		}
	}

	public static class SigningOverloaded extends RuntimeException {

		SigningOverloaded() {
			super("Signing is busy; please try again", null, false, false);
		}

	}

	private void writeLoop() {
		int max = properties.batching().maxBatch();
		List<PendingSignature> batch = new ArrayList<>(max);
		while (running || !queue.isEmpty()) {
			try {
				PendingSignature first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, max - 1);
				write(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.warn("Signature batch of {} failed: {}", batch.size(), e.getMessage());
				batch.forEach(p -> p.outcome().completeExceptionally(e));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<PendingSignature> batch) {
		long started = System.nanoTime();
		Map<PendingSignature, Outcome> outcomes;
		try {
			outcomes = transactions.execute(status -> store(batch));
		}
		catch (PessimisticLockingFailureException e) {
			outcomes = transactions.execute(status -> store(batch));
		}
		outcomes.forEach((pending, outcome) -> pending.outcome().complete(outcome));
		if (log.isDebugEnabled()) {
			log.debug("Stored {} signatures in {} ms", batch.size(), (System.nanoTime() - started) / 1_000_000);
		}
	}

	private Map<PendingSignature, Outcome> store(List<PendingSignature> batch) {
		Map<String, String> flags = flagsOverLimits(batch);
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
			storeRound(round, flags, outcomes, mails);
			remaining = later;
		}
		outbox.enqueueAll(mails);
		return outcomes;
	}

	private record Stored(long petitionId, String canonical, String email, String name, String locale,
			boolean firstTime, boolean confirmed) {
	}

	private void storeRound(List<PendingSignature> round, Map<String, String> flags,
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
			.param("expiresAt",
					OffsetDateTime.ofInstant(clock.instant().plus(properties.confirmationTtl()), ZoneOffset.UTC))
			.param("maxMails", properties.mailsPerSignature())
			.query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)))
			.list()
			.forEach(s -> stored.put(s.petitionId() + "/" + s.canonical(), s));
		Set<Long> openPetitions = null;
		for (PendingSignature p : round) {
			Stored s = stored.get(p.petitionId() + "/" + p.canonicalEmail());
			if (s != null) {
				mails.add(s.firstTime() ? p.confirmationMail() : p.repeatMail()
					.compose(s.email(), s.name(), Locale.forLanguageTag(s.locale()), s.confirmed()));
				outcomes.put(p, Outcome.STORED);
				continue;
			}
			if (openPetitions == null) {
				openPetitions = openAmong(round);
			}
			// No row: either the petition closed meanwhile, or this address has had all
			// its mails.
			outcomes.put(p, openPetitions.contains(p.petitionId()) ? Outcome.STORED : Outcome.PETITION_CLOSED);
		}
	}

	private Set<Long> openAmong(List<PendingSignature> round) {
		Long[] ids = round.stream().map(PendingSignature::petitionId).distinct().toArray(Long[]::new);
		return new HashSet<>(jdbc.sql(PetitionQueries.OPEN_AMONG).param("ids", ids).query(Long.class).list());
	}

	/**
	 * Flags, per signature, any that go over the per-address limits, counting earlier
	 * ones in this batch.
	 */
	private Map<String, String> flagsOverLimits(List<PendingSignature> batch) {
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

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < properties.batching().writers(); i++) {
			Thread writer = Thread.ofPlatform().name("signature-writer-" + i).daemon(false).unstarted(this::writeLoop);
			writers.add(writer);
			writer.start();
		}
	}

	/**
	 * Drains what is queued before the pool closes, so a graceful shutdown answers every
	 * waiting signer.
	 */
	@Override
	public void stop() {
		running = false;
		for (Thread writer : writers) {
			try {
				writer.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Stop after the web server has stopped taking requests, before the database pool
	 * closes.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

}
