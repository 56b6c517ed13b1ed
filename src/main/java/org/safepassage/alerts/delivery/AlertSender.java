package org.safepassage.alerts.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.domain.AlertSending;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.safepassage.alerts.subscribers.Subscriptions;
import org.safepassage.system.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers alerts. Each delivery is claimed (FOR UPDATE SKIP LOCKED, with a lease), sent,
 * and marked sent right after the server accepts it. A crash leaves claimed rows leased;
 * when the lease runs out they are claimed again, so nothing is skipped, and only a
 * message accepted in the instant before its mark can be sent twice (with the same
 * Message-ID, so receivers drop it).
 * <p>
 * With {@code spring.mail.host} set, {@code connections} workers each hold one SMTP
 * connection for a whole run and reuse it for every message, paced together to
 * {@code rate-per-second}. Without it, each batch of deliveries becomes mail in the
 * system outbox in the same transaction that marks it sent, so staff read it on the
 * outbox page and nothing is written twice.
 */
@Component
class AlertSender {

	private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

	private static final int OUTBOX_BATCH = 500;

	private final AlertRepository alerts;

	private final AlertSending sending;

	private final AlertMails mails;

	private final Subscriptions subscriptions;

	private final Outbox outbox;

	private final ObjectProvider<JavaMailSenderImpl> mailSender;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AlertsProperties properties;

	private final AlertLinks links;

	/**
	 * Alerts paused on this instance: workers stop between two messages rather than at
	 * the next batch.
	 */
	private final Set<Long> paused = ConcurrentHashMap.newKeySet();

	/**
	 * Test hook: a stopped sender does nothing at all, as if its process were not
	 * running.
	 */
	volatile boolean stopped;

	/**
	 * Test hook: the scheduled run does nothing, so a test can drive the sender itself.
	 */
	volatile boolean idle;

	/**
	 * Test hook: when positive, the sender dies abruptly after this many marks, leaving
	 * its claims leased.
	 */
	volatile int crashAfter;

	private final AtomicInteger marked = new AtomicInteger();

	AlertSender(AlertRepository alerts, AlertSending sending, AlertMails mails, Subscriptions subscriptions,
			Outbox outbox, ObjectProvider<JavaMailSenderImpl> mailSender, DataSource dataSource, JdbcClient jdbc,
			TransactionTemplate transactions, AlertsProperties properties, AlertLinks links) {
		this.alerts = alerts;
		this.sending = sending;
		this.mails = mails;
		this.subscriptions = subscriptions;
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.links = links;
	}

	/** A claimed delivery with what is needed to write its mail. */
	record Claimed(long id, long alertId, long subscriberId, int attempts, String email, String name,
			String subscriberState) {

		boolean stillSubscribed() {
			return "CONFIRMED".equals(subscriberState);
		}
	}

	/** Thrown by the crash test hook: the worker stops dead, like a killed process. */
	static final class SimulatedCrash extends RuntimeException {

		SimulatedCrash() {
			super("simulated crash", null, false, false);
		}

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

	@Scheduled(fixedDelayString = "${safepassage.alerts.sending.poll-interval:1s}")
	void tick() {
		if (stopped || idle) {
			return;
		}
		try {
			sending.startDue();
			if (!alerts.sendingIds().isEmpty()) {
				JavaMailSenderImpl smtp = mailSender.getIfAvailable();
				if (smtp == null) {
					drainToOutbox();
				}
				else {
					drainOverSmtp(smtp);
				}
			}
			if (!stopped) {
				sending.finishDone();
			}
		}
		catch (SimulatedCrash crash) {
			log.warn("Alert sender stopped by the crash test hook after {} marks", marked.get());
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
				List<Claimed> batch = claim(jdbc, OUTBOX_BATCH);
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
					jdbc.sql(AlertQueries.MARK_SENT_MANY)
						.param("ids", entry.getValue().stream().map(Claimed::id).toArray(Long[]::new))
						.update();
				}
				skip(jdbc, skipped);
				return batch.size();
			});
			claimed = count == null ? 0 : count;
		}
		while (claimed == OUTBOX_BATCH && !stopped);
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

	private final Timing timing = new Timing();

	/** Package-private for tests that send through another SMTP server. */
	void drainOverSmtp(JavaMailSenderImpl smtp) {
		long start = System.nanoTime();
		long mailsBefore = timing.mails.sum();
		long smtpBefore = timing.smtpNanos.sum();
		long markBefore = timing.markNanos.sum();
		try {
			drainOverSmtp(smtp, start);
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

	private void drainOverSmtp(JavaMailSenderImpl smtp, long start) {
		Pace pace = new Pace(properties.sending().ratePerSecond());
		int connections = Math.max(1, properties.sending().connections());
		try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				running.add(workers.submit(() -> work(smtp, pace)));
			}
			for (Future<?> future : running) {
				try {
					future.get();
				}
				catch (ExecutionException e) {
					if (e.getCause() instanceof SimulatedCrash crash) {
						throw crash;
					}
					log.warn("Alert worker failed: {}", e.getCause().toString());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * One worker: its own database connection and its own SMTP connection, both kept for
	 * the whole run.
	 */
	private void work(JavaMailSenderImpl smtp, Pace pace) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			boolean relaxed = !properties.sending().durableMarks();
			JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			if (relaxed) {
				db.sql("set synchronous_commit to off").update();
			}
			try {
				sendUntilDrained(db, smtp, pace);
			}
			finally {
				if (relaxed && !connection.isClosed()) {
					db.sql("reset synchronous_commit").update();
				}
			}
		}
		catch (SQLException e) {
			log.warn("No database connection for alert sending: {}", e.getMessage());
		}
	}

	private void sendUntilDrained(JdbcClient db, JavaMailSenderImpl smtp, Pace pace) {
		Session session = smtp.getSession();
		InternetAddress from = from();
		Map<Long, AlertMails.Rendered> rendered = new HashMap<>();
		Map<Long, AlertMime> writers = new HashMap<>();
		Transport transport = null;
		Address[] recipient = new Address[1];
		try {
			while (!stopped) {
				List<Claimed> batch = claim(db, properties.sending().batchSize());
				if (batch.isEmpty()) {
					return;
				}
				List<Long> skipped = new ArrayList<>();
				List<Long> released = new ArrayList<>();
				for (int i = 0; i < batch.size(); i++) {
					Claimed d = batch.get(i);
					if (stopped) {
						throw new SimulatedCrash();
					}
					if (!d.stillSubscribed()) {
						skipped.add(d.id());
						continue;
					}
					if (paused.contains(d.alertId())) {
						released.add(d.id());
						continue;
					}
					MimeMessage message;
					try {
						AlertMails.Rendered r = rendered.computeIfAbsent(d.alertId(),
								id -> mails.render(alerts.find(id).orElseThrow()));
						if (AlertMime.canWrite(d.email())) {
							AlertMime mime = writers.computeIfAbsent(d.alertId(), id -> new AlertMime(from, r));
							message = mime.message(session,
									mime.write(d.email(), messageId(d), mails.unsubscribeHeaders(d.subscriberId()),
											mails.displayName(r, d.name()), links.preferencesUrl(d.subscriberId()),
											links.unsubscribeUrl(d.subscriberId())));
							InternetAddress to = new InternetAddress();
							to.setAddress(d.email());
							recipient[0] = to;
						}
						else {
							message = message(session, from, d, mails.personalise(r, d.subscriberId(), d.name()));
							recipient[0] = message.getAllRecipients()[0];
						}
					}
					catch (MessagingException | RuntimeException e) {
						markFailed(db, d, "Cannot build message: " + e.getMessage());
						continue;
					}
					pace.acquire();
					long sendStart = System.nanoTime();
					try {
						if (transport == null) {
							transport = connect(smtp, session);
						}
						transport.sendMessage(message, recipient);
					}
					catch (SendFailedException e) {
						refused(db, d, e);
						continue;
					}
					catch (MessagingException e) {
						log.warn("SMTP server unavailable while sending alerts: {}", e.getMessage());
						for (int j = i; j < batch.size(); j++) {
							retryLater(db, batch.get(j), e.getMessage());
						}
						skip(db, skipped);
						release(db, released);
						return;
					}
					long markStart = System.nanoTime();
					db.sql(AlertQueries.MARK_SENT).param("id", d.id()).update();
					long markEnd = System.nanoTime();
					timing.add(markStart - sendStart, markEnd - markStart);
					afterMark();
				}
				skip(db, skipped);
				release(db, released);
			}
		}
		finally {
			close(transport);
		}
	}

	private void afterMark() {
		int n = marked.incrementAndGet();
		int limit = crashAfter;
		if (limit > 0 && n >= limit) {
			stopped = true;
			throw new SimulatedCrash();
		}
	}

	/** Resets the crash hook's count (tests). */
	void resetCount() {
		marked.set(0);
	}

	private List<Claimed> claim(JdbcClient db, int limit) {
		return db.sql(AlertQueries.CLAIM)
			.param("leaseSeconds", properties.sending().lease().toSeconds())
			.param("limit", limit)
			.query(Claimed.class)
			.list();
	}

	private MimeMessage message(Session session, InternetAddress from, Claimed d, AlertMails.Personal mail)
			throws MessagingException {
		String messageId = messageId(d);
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(from);
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(d.email(), true));
		message.setSubject(mail.subject(), "UTF-8");
		message.setSentDate(new Date());
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html(), "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		for (Map.Entry<String, String> header : mail.headers().entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

	/**
	 * Stable per (alert, subscriber): a rare resend after a crash carries the same
	 * Message-ID.
	 */
	private String messageId(Claimed d) {
		return "<alert-" + d.alertId() + "-" + d.subscriberId() + "@" + links.host() + ">";
	}

	private InternetAddress from() {
		try {
			return new InternetAddress(properties.from(), true);
		}
		catch (AddressException e) {
			throw new IllegalStateException("safepassage.alerts.from is not a mail address: " + properties.from(), e);
		}
	}

	private Transport connect(JavaMailSenderImpl smtp, Session session) throws MessagingException {
		Transport transport = session.getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
		transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
		return transport;
	}

	private static void close(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException e) {
				// the connection is gone either way
			}
		}
	}

	enum Refusal {

		/**
		 * 5xx to the recipient: the address does not exist or refuses mail; never mail it
		 * again.
		 */
		BOUNCE,
		/**
		 * 5xx to the message (MAIL FROM, DATA): this delivery fails, the address is not
		 * blamed.
		 */
		FAILED,
		/** 4xx: try again later. */
		TEMPORARY

	}

	static Refusal classify(SendFailedException e) {
		for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException()
				: null) {
			if (next instanceof SMTPAddressFailedException address) {
				return address.getReturnCode() >= 500 ? Refusal.BOUNCE : Refusal.TEMPORARY;
			}
		}
		if (e instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 500) {
			return Refusal.FAILED;
		}
		return Refusal.TEMPORARY;
	}

	private void refused(JdbcClient db, Claimed d, SendFailedException e) {
		switch (classify(e)) {
			case BOUNCE -> {
				markFailed(db, d, "Hard bounce: " + e.getMessage());
				subscriptions.markBouncing(d.subscriberId(), e.getMessage());
			}
			case FAILED -> markFailed(db, d, e.getMessage());
			case TEMPORARY -> retryLater(db, d, e.getMessage());
		}
	}

	private void retryLater(JdbcClient db, Claimed d, String error) {
		if (d.attempts() >= properties.sending().maxAttempts()) {
			markFailed(db, d, error);
			return;
		}
		Duration delay = properties.sending().retryDelay(d.attempts());
		db.sql(AlertQueries.RETRY_LATER)
			.param("id", d.id())
			.param("error", truncate(error))
			.param("delaySeconds", delay.toSeconds())
			.update();
	}

	private void markFailed(JdbcClient db, Claimed d, String error) {
		log.warn("Alert delivery {} failed: {}", d.id(), error);
		db.sql(AlertQueries.MARK_FAILED).param("id", d.id()).param("error", truncate(error)).update();
	}

	private static void skip(JdbcClient db, List<Long> ids) {
		if (!ids.isEmpty()) {
			db.sql(AlertQueries.MARK_SKIPPED).param("ids", ids.toArray(Long[]::new)).update();
		}
	}

	private static void release(JdbcClient db, List<Long> ids) {
		if (!ids.isEmpty()) {
			db.sql(AlertQueries.RELEASE).param("ids", ids.toArray(Long[]::new)).update();
		}
	}

	private static String truncate(String text) {
		return text == null ? null : text.substring(0, Math.min(text.length(), 1000));
	}

	/** Spaces messages evenly across all workers; no cap when the rate is 0. */
	static final class Pace {

		private final long intervalNanos;

		private final AtomicLong next = new AtomicLong(System.nanoTime());

		Pace(double perSecond) {
			this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
		}

		void acquire() {
			if (intervalNanos == 0) {
				return;
			}
			long now = System.nanoTime();
			long slot = Math.max(next.getAndUpdate(p -> Math.max(p, now) + intervalNanos), now);
			if (slot > now) {
				LockSupport.parkNanos(slot - now);
			}
		}

	}

}
