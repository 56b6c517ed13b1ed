package org.safepassage.alerts.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import org.safepassage.alerts.delivery.Deliveries.Claimed;
import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.system.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers alerts. Each delivery is claimed (FOR UPDATE SKIP LOCKED, with a lease), sent,
 * and marked sent right after the server accepts it. A crash leaves claimed rows leased;
 * when the lease runs out they are claimed again, so nothing is skipped, and only a
 * message accepted in the instant before its mark can be sent twice (with the same
 * Message-ID, so receivers drop it).
 * <p>
 * With {@code spring.mail.host} set, {@code connections} {@link SmtpWorker workers} each
 * hold one SMTP connection for a whole run and reuse it for every message, paced together
 * to {@code rate-per-second}. Without it, each batch of deliveries becomes mail in the
 * system outbox in the same transaction that marks it sent, so staff read it on the
 * outbox page and nothing is written twice.
 */
@Component
class AlertSender {

	private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

	private static final int OUTBOX_BATCH = 500;

	private final AlertRepository alerts;

	private final AlertLifecycle lifecycle;

	private final AlertMails mails;

	private final Outbox outbox;

	private final ObjectProvider<JavaMailSenderImpl> mailSender;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AlertsProperties properties;

	private final Deliveries deliveries;

	private final SmtpWorker worker;

	/**
	 * Alerts paused on this instance: workers stop between two messages rather than at
	 * the next batch.
	 */
	private final Set<Long> paused = ConcurrentHashMap.newKeySet();

	private final Timing timing = new Timing();

	private volatile SenderHooks hooks = SenderHooks.NONE;

	AlertSender(AlertRepository alerts, AlertLifecycle lifecycle, AlertMails mails, Outbox outbox,
			ObjectProvider<JavaMailSenderImpl> mailSender, JdbcClient jdbc, TransactionTemplate transactions,
			AlertsProperties properties, Deliveries deliveries, SmtpWorker worker) {
		this.alerts = alerts;
		this.lifecycle = lifecycle;
		this.mails = mails;
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.deliveries = deliveries;
		this.worker = worker;
	}

	/** Package-private seam for tests; see {@link SenderHooks}. */
	void hooks(SenderHooks hooks) {
		this.hooks = hooks;
	}

	@EventListener
	void paused(Alert.SendingPaused event) {
		paused.add(event.alertId());
	}

	@EventListener
	void resumed(Alert.SendingResumed event) {
		paused.remove(event.alertId());
	}

	@EventListener
	void finished(Alert.SendingFinished event) {
		paused.remove(event.alertId());
		mails.forget(event.alertId());
	}

	/** One round: start due alerts, send what is claimable, finish what is done. */
	void tick() {
		hooks.round(this::round);
	}

	private void round() {
		try {
			lifecycle.startDue();
			if (!alerts.sendingIds().isEmpty()) {
				JavaMailSenderImpl smtp = mailSender.getIfAvailable();
				if (smtp == null) {
					drainToOutbox();
				}
				else {
					drainOverSmtp(smtp);
				}
			}
			lifecycle.finishDone();
		}
		catch (RuntimeException e) {
			log.warn("Alert sending interrupted, will resume: {}", e.toString());
		}
	}

	// --- without SMTP: into the system outbox, atomically with the "sent" mark

	/**
	 * Package-private for the test of the zero-setup path (no SMTP server configured).
	 */
	void drainToOutbox() {
		int claimed;
		do {
			Integer count = transactions.execute(status -> {
				List<Claimed> batch = deliveries.claim(jdbc, OUTBOX_BATCH);
				Map<Long, List<Claimed>> byAlert = new HashMap<>();
				List<Long> skipped = new ArrayList<>();
				for (Claimed d : batch) {
					if (d.stillSubscribed()) {
						byAlert.computeIfAbsent(d.alertId(), k -> new ArrayList<>()).add(d);
					}
					else {
						skipped.add(d.id());
					}
				}
				for (Map.Entry<Long, List<Claimed>> entry : byAlert.entrySet()) {
					AlertRepository.Stored alert = alerts.find(entry.getKey()).orElseThrow();
					outbox.enqueueAll(mails.forOutbox(alert, entry.getValue()));
					deliveries.markSent(jdbc, entry.getValue().stream().map(Claimed::id).toList());
				}
				deliveries.skip(jdbc, skipped);
				return batch.size();
			});
			claimed = count == null ? 0 : count;
		}
		while (claimed == OUTBOX_BATCH);
	}

	// --- over SMTP: a pool of reused connections

	/**
	 * Where a send's time goes, summed over the workers: SMTP conversations and "sent"
	 * marks.
	 */
	static final class Timing {

		final LongAdder mails = new LongAdder();

		final LongAdder smtpNanos = new LongAdder();

		final LongAdder markNanos = new LongAdder();

		void add(long smtp, long mark) {
			mails.increment();
			smtpNanos.add(smtp);
			markNanos.add(mark);
		}

	}

	/** Package-private for tests that send through another SMTP server. */
	void drainOverSmtp(JavaMailSenderImpl smtp) {
		long start = System.nanoTime();
		long mailsBefore = timing.mails.sum();
		long smtpBefore = timing.smtpNanos.sum();
		long markBefore = timing.markNanos.sum();
		try {
			runWorkers(smtp);
		}
		finally {
			long mails = timing.mails.sum() - mailsBefore;
			if (mails > 0) {
				double seconds = (System.nanoTime() - start) / 1e9;
				log.info("Sent {} alert mails in {} s ({} per second); per mail {} µs in SMTP, {} µs marking it sent",
						mails, String.format("%.1f", seconds), Math.round(mails / seconds),
						(timing.smtpNanos.sum() - smtpBefore) / mails / 1000,
						(timing.markNanos.sum() - markBefore) / mails / 1000);
			}
		}
	}

	private void runWorkers(JavaMailSenderImpl smtp) {
		Pace pace = new Pace(properties.sending().ratePerSecond());
		SenderHooks current = hooks;
		SmtpWorker.Run run = new SmtpWorker.Run() {

			@Override
			public boolean paused(long alertId) {
				return paused.contains(alertId);
			}

			@Override
			public void sent(long smtpNanos, long markNanos) {
				timing.add(smtpNanos, markNanos);
				current.marked();
			}

		};
		int connections = Math.max(1, properties.sending().connections());
		try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				running.add(workers.submit(() -> worker.work(smtp, pace, run)));
			}
			for (Future<?> future : running) {
				try {
					future.get();
				}
				catch (ExecutionException e) {
					log.warn("Alert worker failed: {}", e.getCause().toString());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
