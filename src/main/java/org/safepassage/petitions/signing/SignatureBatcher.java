package org.safepassage.petitions.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.system.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

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

	private final SignatureBatchWriter batchWriter;

	private final PetitionsProperties properties;

	private final BlockingQueue<PendingSignature> queue;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	SignatureBatcher(SignatureBatchWriter batchWriter, PetitionsProperties properties) {
		this.batchWriter = batchWriter;
		this.properties = properties;
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

		/** One signature per petition and mailbox: this is its key. */
		String key() {
			return petitionId + "/" + canonicalEmail;
		}
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
				// The cause alone: a full disk fails every batch, and the SQL text of
				// each
				// made a screenful per batch.
				log.warn("Signature batch of {} failed: {}", batch.size(),
						NestedExceptionUtils.getMostSpecificCause(e).getMessage());
				batch.forEach(p -> p.outcome().completeExceptionally(e));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<PendingSignature> batch) {
		long started = System.nanoTime();
		Map<PendingSignature, Outcome> outcomes = batchWriter.write(batch);
		outcomes.forEach((pending, outcome) -> pending.outcome().complete(outcome));
		if (log.isDebugEnabled()) {
			log.debug("Stored {} signatures in {} ms", batch.size(), (System.nanoTime() - started) / 1_000_000);
		}
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
