package org.safepassage.alerts.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.safepassage.alerts.delivery.Deliveries.Claimed;
import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.safepassage.alerts.subscribers.Subscriptions;
import org.safepassage.system.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One SMTP worker of a send: its own database connection and its own SMTP connection,
 * both kept for the whole run. It claims deliveries, writes each mail, sends it over the
 * reused connection and marks it sent right after the server accepts it; a refusal is
 * read as a bounce, a failure or a reason to try again later.
 */
@Component
class SmtpWorker {

	private static final Logger log = LoggerFactory.getLogger(SmtpWorker.class);

	private final AlertRepository alerts;

	private final AlertMails mails;

	private final AlertLinks links;

	private final Subscriptions subscriptions;

	private final Deliveries deliveries;

	private final DataSource dataSource;

	private final AlertsProperties properties;

	private final Outbox outbox;

	private final Clock clock;

	SmtpWorker(AlertRepository alerts, AlertMails mails, AlertLinks links, Subscriptions subscriptions,
			Deliveries deliveries, DataSource dataSource, AlertsProperties properties, Outbox outbox, Clock clock) {
		this.alerts = alerts;
		this.mails = mails;
		this.links = links;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.dataSource = dataSource;
		this.properties = properties;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** What the workers of one run share with the sender that started them. */
	interface Run {

		/** Whether the alert was paused meanwhile: its claims are handed back. */
		boolean paused(long alertId);

		/**
		 * After each delivery marked sent, with the time its SMTP conversation and mark
		 * took.
		 */
		void sent(long smtpNanos, long markNanos);

	}

	void work(JavaMailSenderImpl smtp, Pace pace, Run run) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			boolean relaxed = !properties.sending().durableMarks();
			JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			if (relaxed) {
				db.sql(AlertQueries.RELAXED_COMMITS).update();
			}
			try {
				sendUntilDrained(db, smtp, pace, run);
			}
			finally {
				if (relaxed && !connection.isClosed()) {
					db.sql(AlertQueries.DEFAULT_COMMITS).update();
				}
			}
		}
		catch (SQLException e) {
			log.warn("No database connection for alert sending: {}", e.getMessage());
		}
	}

	private void sendUntilDrained(JdbcClient db, JavaMailSenderImpl smtp, Pace pace, Run run) {
		Session session = smtp.getSession();
		InternetAddress from = from();
		Map<Long, AlertMails.Rendered> rendered = new HashMap<>();
		Map<Long, AlertMime> writers = new HashMap<>();
		Transport transport = null;
		Address[] recipient = new Address[1];
		try {
			while (true) {
				List<Claimed> batch = deliveries.claim(db, properties.sending().batchSize());
				if (batch.isEmpty()) {
					return;
				}
				List<Long> skipped = new ArrayList<>();
				List<Long> released = new ArrayList<>();
				for (int i = 0; i < batch.size(); i++) {
					Claimed d = batch.get(i);
					if (!d.stillSubscribed()) {
						skipped.add(d.id());
						continue;
					}
					if (run.paused(d.alertId())) {
						released.add(d.id());
						continue;
					}
					MimeMessage message;
					try {
						AlertMails.Rendered r = rendered.computeIfAbsent(d.alertId(),
								id -> mails.render(alerts.find(id).orElseThrow()));
						if (AlertMime.canWrite(d.email())) {
							AlertMime mime = writers.computeIfAbsent(d.alertId(), id -> new AlertMime(from, r, clock));
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
						deliveries.markFailed(db, d, "Cannot build message: " + e.getMessage());
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
							deliveries.retryLater(db, batch.get(j), e.getMessage());
						}
						deliveries.skip(db, skipped);
						deliveries.release(db, released);
						return;
					}
					long markStart = System.nanoTime();
					deliveries.markSent(db, d.id());
					run.sent(markStart - sendStart, System.nanoTime() - markStart);
				}
				deliveries.skip(db, skipped);
				deliveries.release(db, released);
			}
		}
		finally {
			close(transport);
		}
	}

	/** Through Jakarta Mail, for addresses {@link AlertMime} does not write by hand. */
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
		message.setSentDate(Date.from(clock.instant()));
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

	/** The system's one sender address, as the outbox sends from. */
	private InternetAddress from() {
		try {
			return new InternetAddress(outbox.from(), true);
		}
		catch (AddressException e) {
			throw new IllegalStateException("safepassage.mail.from is not a mail address: " + outbox.from(), e);
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

	private void refused(JdbcClient db, Claimed d, SendFailedException e) {
		switch (SmtpRefusal.classify(e)) {
			case BOUNCE -> {
				deliveries.markFailed(db, d, "Hard bounce: " + e.getMessage());
				subscriptions.markBouncing(d.subscriberId(), e.getMessage());
			}
			case FAILED -> deliveries.markFailed(db, d, e.getMessage());
			case TEMPORARY -> deliveries.retryLater(db, d, e.getMessage());
		}
	}

}
