package org.safepassage.system.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends outbox mail over one reused SMTP connection per batch. Each message is marked
 * sent right after the server accepts it, so a crash can repeat at most the one message
 * in flight (with the same Message-ID), never lose one. Without {@code spring.mail.host}
 * nothing is sent; staff read the mail on the outbox page.
 */
@Component
class OutboxWorker {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSenderImpl> sender;

	private final MailProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	OutboxWorker(JdbcClient jdbc, ObjectProvider<JavaMailSenderImpl> sender, MailProperties properties) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.properties = properties;
	}

	record ClaimedMail(long id, String recipient, String subject, String textBody, String htmlBody, String headers,
			int attempts) {
	}

	/**
	 * Several senders, each with its own SMTP connection, claim disjoint batches: one
	 * connection is bound by SMTP round trips and would fall behind a signature spike.
	 */
	void sendDueMail() {
		JavaMailSenderImpl mailSender = sender.getIfAvailable();
		if (mailSender == null) {
			return;
		}
		if (properties.senders() <= 1) {
			sendUntilDrained(mailSender);
			return;
		}
		try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < properties.senders(); i++) {
				senders.submit(() -> sendUntilDrained(mailSender));
			}
		}
	}

	private void sendUntilDrained(JavaMailSenderImpl mailSender) {
		List<ClaimedMail> batch;
		do {
			batch = claim();
			if (!batch.isEmpty()) {
				send(mailSender, batch);
			}
		}
		while (batch.size() == properties.batchSize());
	}

	private List<ClaimedMail> claim() {
		return jdbc.sql(MailQueries.CLAIM)
			.param("leaseSeconds", properties.lease().toSeconds())
			.param("limit", properties.batchSize())
			.query(ClaimedMail.class)
			.list();
	}

	private void send(JavaMailSenderImpl mailSender, List<ClaimedMail> batch) {
		Session session = mailSender.getSession();
		try (Transport transport = connect(mailSender, session)) {
			for (ClaimedMail mail : batch) {
				sendOne(transport, session, mail);
			}
		}
		catch (MessagingException e) {
			log.warn("SMTP server unavailable: {}", e.getMessage());
			batch.forEach(mail -> retryLater(mail, e));
		}
	}

	private Transport connect(JavaMailSenderImpl mailSender, Session session) throws MessagingException {
		Transport transport = session
			.getTransport(mailSender.getProtocol() == null ? "smtp" : mailSender.getProtocol());
		transport.connect(mailSender.getHost(), mailSender.getPort(), mailSender.getUsername(),
				mailSender.getPassword());
		return transport;
	}

	private void sendOne(Transport transport, Session session, ClaimedMail mail) throws MessagingException {
		MimeMessage message;
		try {
			message = toMimeMessage(session, mail);
		}
		catch (MessagingException | RuntimeException e) {
			markFailed(mail, "Cannot build message: " + e.getMessage());
			return;
		}
		try {
			transport.sendMessage(message, message.getAllRecipients());
			jdbc.sql(MailQueries.MARK_SENT).param("id", mail.id()).update();
		}
		catch (SendFailedException e) {
			if (isPermanent(e)) {
				markFailed(mail, e.getMessage());
			}
			else {
				retryLater(mail, e);
			}
		}
	}

	private MimeMessage toMimeMessage(Session session, ClaimedMail mail) throws MessagingException {
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", "<outbox-" + mail.id() + "@safepassage>");
			}
		};
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(new InternetAddress(properties.from(), true));
		helper.setTo(new InternetAddress(mail.recipient(), true));
		helper.setSubject(mail.subject());
		helper.setText(mail.textBody(), mail.htmlBody());
		Map<String, String> headers = json.readValue(mail.headers(), new TypeReference<Map<String, String>>() {
		});
		for (Map.Entry<String, String> header : headers.entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

	/**
	 * A 5xx refusal, of the recipient or of the message itself, will not change by trying
	 * again.
	 */
	private static boolean isPermanent(SendFailedException e) {
		if (e instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500) {
			return true;
		}
		Exception next = e.getNextException();
		return (next instanceof SMTPAddressFailedException failed && failed.getReturnCode() >= 500)
				|| (next instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500);
	}

	private void retryLater(ClaimedMail mail, Exception cause) {
		if (mail.attempts() >= properties.maxAttempts()) {
			markFailed(mail, cause.getMessage());
			return;
		}
		Duration delay = properties.retryDelay(mail.attempts());
		jdbc.sql(MailQueries.RETRY_LATER)
			.param("id", mail.id())
			.param("error", truncate(cause.getMessage()))
			.param("delaySeconds", delay.toSeconds())
			.update();
	}

	private void markFailed(ClaimedMail mail, String error) {
		log.warn("Mail {} to outbox recipient failed permanently: {}", mail.id(), error);
		jdbc.sql(MailQueries.MARK_FAILED).param("id", mail.id()).param("error", truncate(error)).update();
	}

	private static String truncate(String text) {
		return text == null ? null : text.substring(0, Math.min(text.length(), 1000));
	}

}
