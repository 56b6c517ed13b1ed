package org.safepassage.system.mail.sending;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.safepassage.system.mail.MailDelivery;
import org.safepassage.system.mail.MailProperties;
import org.safepassage.system.mail.MailSource;
import org.safepassage.system.mail.MailSource.Outcome;
import org.safepassage.system.mail.MailSource.Queued;
import org.safepassage.system.mail.MailSource.Result;
import org.safepassage.system.mail.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one mail engine. {@code connections} workers each claim a batch, check its
 * addresses against the suppression list in one query, send it over a pooled connection
 * and mark the whole batch in one transaction. Claims and marks commit without waiting
 * for the disk flush unless {@code durable-marks} is set (see {@link MailProperties}).
 * <p>
 * The duplicate window: a mail is marked after the server accepted it, with the rest of
 * its batch. If the process dies between the two, the batch's claims stay leased; when
 * the lease ends they are claimed again and the mails the server had already accepted go
 * again: at most {@code batch-size} mails per connection, each under the Message-ID it
 * was first sent with, which receivers use to drop the repeat. Nothing is lost.
 */
@Component
class MailEngine implements MailDelivery, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailEngine.class);

	private final ObjectProvider<JavaMailSenderImpl> smtp;

	private final MailProperties properties;

	private final Suppressions suppressions;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final BatchSender sender;

	private volatile SmtpPool pool;

	/**
	 * Platform threads, not virtual ones: a send is a few hundred short SMTP round trips,
	 * and in a signing spike a virtual thread waits behind every page being rendered
	 * after each of them, so confirmations fell seconds behind; the kernel wakes a thread
	 * that waited on I/O at once. One pool per source, so that a large alert being sent
	 * never holds confirmations back: the sources' workers then share the SMTP
	 * connections batch by batch ({@link SmtpPool} is fair).
	 */
	private final Map<MailSource, ExecutorService> senders = new ConcurrentHashMap<>();

	/** What became of each mail, for the metrics: sent, retry, failed, bounced ... */
	private final Map<Result, Counter> outcomes = new EnumMap<>(Result.class);

	MailEngine(ObjectProvider<JavaMailSenderImpl> smtp, MailProperties properties, Suppressions suppressions,
			TransactionTemplate transactions, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		for (Result result : Result.values()) {
			outcomes.put(result,
					Counter.builder("safepassage.mail.outcomes")
						.description("Mails by what became of an attempt to send them")
						.tag("result", result.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
		this.smtp = smtp;
		this.properties = properties;
		this.suppressions = suppressions;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.sender = new BatchSender(properties, new MimeWriter(MimeWriter.parseFrom(properties.from()), clock),
				new DomainPacing(properties.pacing()), clock);
	}

	@Override
	public boolean smtpConfigured() {
		return smtp.getIfAvailable() != null;
	}

	@Override
	public void deliverDue(MailSource source) {
		SmtpPool shared = pool();
		if (shared != null) {
			deliver(source, shared);
		}
	}

	@Override
	public void deliverDue(MailSource source, JavaMailSenderImpl server) {
		try (SmtpPool own = new SmtpPool(server, properties.connections(), properties.idleClose())) {
			deliver(source, own);
		}
	}

	/** Closes pooled connections nobody used for {@code idle-close}. */
	void closeIdleConnections() {
		SmtpPool shared = pool;
		if (shared != null) {
			shared.closeIdle();
		}
	}

	/** On shutdown, QUIT on every kept connection rather than dropping it. */
	@Override
	public void destroy() {
		senders.values().forEach(ExecutorService::shutdownNow);
		SmtpPool shared = pool;
		if (shared != null) {
			shared.close();
		}
	}

	private SmtpPool pool() {
		SmtpPool shared = pool;
		if (shared == null) {
			JavaMailSenderImpl server = smtp.getIfAvailable();
			if (server == null) {
				return null;
			}
			synchronized (this) {
				if (pool == null) {
					pool = new SmtpPool(server, properties.connections(), properties.idleClose());
				}
				shared = pool;
			}
		}
		return shared;
	}

	/**
	 * One worker claims first; only when its batch is full do the others join, so an idle
	 * round costs one query. Sending runs on the source's platform threads
	 * ({@link #senders}).
	 */
	private void deliver(MailSource source, SmtpPool pool) {
		int size = properties.batchSize();
		List<Queued> first = claim(source, size);
		if (first.isEmpty()) {
			return;
		}
		int workers = first.size() < size ? 1 : Math.max(1, properties.connections());
		ExecutorService threads = senders
			.computeIfAbsent(source, s -> Executors.newFixedThreadPool(Math.max(1, properties.connections()),
					Thread.ofPlatform().name("mail-" + s.getClass().getSimpleName() + "-", 1).daemon(true).factory()));
		List<Future<?>> running = new ArrayList<>();
		running.add(threads.submit(() -> {
			sendAndMark(source, pool, first);
			if (first.size() == size) {
				drain(source, pool);
			}
		}));
		for (int i = 1; i < workers; i++) {
			running.add(threads.submit(() -> drain(source, pool)));
		}
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (ExecutionException e) {
				log.warn("Mail worker stopped: {}", e.getCause().toString());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void drain(MailSource source, SmtpPool pool) {
		int size = properties.batchSize();
		List<Queued> batch;
		do {
			batch = claim(source, size);
			if (!batch.isEmpty()) {
				sendAndMark(source, pool, batch);
			}
		}
		while (batch.size() == size);
	}

	private List<Queued> claim(MailSource source, int size) {
		List<Queued> claimed = transactions.execute(status -> {
			relaxCommit();
			return source.claim(size, properties.lease());
		});
		return claimed == null ? List.of() : claimed;
	}

	private void sendAndMark(MailSource source, SmtpPool pool, List<Queued> batch) {
		Set<String> suppressed = suppressions.suppressedAmong(batch.stream().map(Queued::recipient).toList());
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		try {
			sender.send(source, pool, batch, suppressed, outcomes);
		}
		finally {
			mark(source, outcomes);
		}
	}

	/** One transaction per batch: hard bounces suppressed, then the source's marks. */
	private void mark(MailSource source, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			relaxCommit();
			for (Outcome outcome : outcomes) {
				if (outcome.result() == Result.BOUNCED) {
					suppressions.suppress(outcome.mail().recipient(), Suppressions.Reason.HARD_BOUNCE, "smtp",
							outcome.error());
				}
			}
			source.settle(outcomes);
		});
		outcomes.forEach(outcome -> this.outcomes.get(outcome.result()).increment());
	}

	private void relaxCommit() {
		if (!properties.durableMarks()) {
			jdbc.sql(SendingQueries.RELAXED_COMMIT).update();
		}
	}

}
