package org.safepassage.alerts.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.safepassage.alerts.delivery.Deliveries.Claimed;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.system.mail.MailDelivery;
import org.safepassage.system.mail.MailProperties;
import org.safepassage.system.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers alerts, one round at a time: starts due alerts, sends what is claimable,
 * finishes what is done.
 * <p>
 * With {@code spring.mail.host} set, deliveries go through the one mail engine
 * ({@link MailDelivery}) like every other mail: claimed with a lease, sent over the
 * pooled connections, marked with their batch. Without it, each batch of deliveries
 * becomes mail in the system outbox in the same transaction that marks it sent, so staff
 * read it on the outbox page and nothing is written twice.
 */
@Component
class AlertSender {

	private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

	private static final int OUTBOX_BATCH = 500;

	private final AlertRepository alerts;

	private final AlertLifecycle lifecycle;

	private final AlertMails mails;

	private final Outbox outbox;

	private final MailDelivery delivery;

	private final MailProperties mailProperties;

	private final TransactionTemplate transactions;

	private final Deliveries deliveries;

	private final AlertSource source;

	AlertSender(AlertRepository alerts, AlertLifecycle lifecycle, AlertMails mails, Outbox outbox,
			MailDelivery delivery, MailProperties mailProperties, TransactionTemplate transactions,
			Deliveries deliveries, AlertSource source) {
		this.alerts = alerts;
		this.lifecycle = lifecycle;
		this.mails = mails;
		this.outbox = outbox;
		this.delivery = delivery;
		this.mailProperties = mailProperties;
		this.transactions = transactions;
		this.deliveries = deliveries;
		this.source = source;
	}

	/** Package-private seam for tests; see {@link SenderHooks}. */
	void hooks(SenderHooks hooks) {
		source.hooks(hooks);
	}

	/** One round: start due alerts, send what is claimable, finish what is done. */
	void tick() {
		source.hooks().round(this::round);
	}

	private void round() {
		try {
			lifecycle.startDue();
			if (!alerts.sendingIds().isEmpty()) {
				if (delivery.smtpConfigured()) {
					timed(() -> delivery.deliverDue(source));
				}
				else {
					drainToOutbox();
				}
			}
			lifecycle.finishDone();
		}
		catch (RuntimeException e) {
			log.warn("Alert sending interrupted, will resume: {}", e.toString());
		}
	}

	/** Package-private for tests that send through another SMTP server. */
	void drainOverSmtp(JavaMailSenderImpl smtp) {
		timed(() -> delivery.deliverDue(source, smtp));
	}

	private void timed(Runnable send) {
		long start = System.nanoTime();
		long before = source.sent.sum();
		long smtpBefore = source.smtpNanos.sum();
		try {
			send.run();
		}
		finally {
			long sent = source.sent.sum() - before;
			if (sent > 0) {
				double seconds = (System.nanoTime() - start) / 1e9;
				log.info("Sent {} alert mails in {} s ({} per second); per mail {} µs in SMTP", sent,
						String.format("%.1f", seconds), Math.round(sent / seconds),
						(source.smtpNanos.sum() - smtpBefore) / sent / 1000);
			}
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
				List<Claimed> batch = deliveries.claim(OUTBOX_BATCH, mailProperties.lease());
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
					deliveries.markSent(entry.getValue().stream().map(Claimed::id).toList());
				}
				deliveries.skip(skipped);
				return batch.size();
			});
			claimed = count == null ? 0 : count;
		}
		while (claimed == OUTBOX_BATCH);
	}

}
