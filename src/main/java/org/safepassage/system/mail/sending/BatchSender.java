package org.safepassage.system.mail.sending;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.safepassage.system.mail.MailProperties;
import org.safepassage.system.mail.MailSource;
import org.safepassage.system.mail.MailSource.Outcome;
import org.safepassage.system.mail.MailSource.Queued;
import org.safepassage.system.mail.MailSource.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed batch over one pooled connection and says what became of each mail;
 * the caller marks them all at once. Suppressed addresses are never sent to, mail over
 * its domain's pace is handed back, and every refusal is read the one way
 * ({@link SmtpRefusal}).
 */
final class BatchSender {

	private static final Logger log = LoggerFactory.getLogger(BatchSender.class);

	private final MailProperties properties;

	private final MimeWriter writer;

	private final DomainPacing pacing;

	private final Clock clock;

	BatchSender(MailProperties properties, MimeWriter writer, DomainPacing pacing, Clock clock) {
		this.clock = clock;
		this.properties = properties;
		this.writer = writer;
		this.pacing = pacing;
	}

	/**
	 * Sends the batch, adding one outcome per mail to {@code outcomes} as it goes (so a
	 * caller that stops early still marks what was accepted).
	 */
	void send(MailSource source, SmtpPool pool, List<Queued> batch, Set<String> suppressed, List<Outcome> outcomes) {
		Map<String, Integer> heldBack = new HashMap<>();
		SmtpPool.Connection connection = null;
		try {
			for (int i = 0; i < batch.size(); i++) {
				Queued mail = batch.get(i);
				if (suppressed.contains(mail.recipient())) {
					outcomes
						.add(new Outcome(mail, Result.SUPPRESSED, Duration.ZERO, "Address on the suppression list"));
					continue;
				}
				if (!source.stillWanted(mail)) {
					outcomes.add(new Outcome(mail, Result.DEFERRED, Duration.ZERO, null));
					continue;
				}
				String domain = DomainPacing.domainOf(mail.recipient());
				Duration wait = pacing.delay(domain, System.nanoTime());
				if (!wait.isZero()) {
					int before = heldBack.merge(domain, 1, Integer::sum) - 1;
					outcomes.add(new Outcome(mail, Result.DEFERRED,
							wait.plus(pacing.spacing(domain).multipliedBy(before)), null));
					continue;
				}
				MimeWriter.Written message;
				try {
					message = writer.write(pool.session(), mail);
				}
				catch (MessagingException | RuntimeException e) {
					outcomes.add(failed(mail, "Cannot build message: " + e.getMessage()));
					continue;
				}
				long start = System.nanoTime();
				try {
					if (connection == null) {
						connection = pool.borrow();
					}
					sendOver(pool, connection, message);
				}
				catch (SendFailedException e) {
					outcomes.add(refused(mail, domain, e));
					continue;
				}
				catch (MessagingException e) {
					MessagingException failure = e;
					if (connection != null && connection.reused()) {
						// a kept connection the server has closed meanwhile: one new try
						SmtpPool.Connection fresh = null;
						try {
							fresh = pool.replace(connection);
							connection = fresh;
							sendOver(pool, connection, message);
							accepted(source, mail, start, outcomes);
							continue;
						}
						catch (SendFailedException refusal) {
							outcomes.add(refused(mail, domain, refusal));
							continue;
						}
						catch (MessagingException again) {
							failure = again;
							if (fresh == null) {
								connection = null;
							}
						}
					}
					if (connection != null) {
						pool.discard(connection);
						connection = null;
					}
					log.warn("SMTP server unavailable: {}", failure.getMessage());
					for (int j = i; j < batch.size(); j++) {
						outcomes.add(retry(batch.get(j), failure.getMessage(), Duration.ZERO));
					}
					return;
				}
				accepted(source, mail, start, outcomes);
			}
		}
		finally {
			if (connection != null) {
				pool.giveBack(connection);
			}
		}
	}

	private static void sendOver(SmtpPool pool, SmtpPool.Connection connection, MimeWriter.Written message)
			throws MessagingException {
		connection.transport().sendMessage(message.message(), message.recipients());
	}

	private static void accepted(MailSource source, Queued mail, long start, List<Outcome> outcomes) {
		outcomes.add(Outcome.of(mail, Result.SENT));
		source.accepted(mail, System.nanoTime() - start);
	}

	private Outcome refused(Queued mail, String domain, SendFailedException e) {
		return switch (SmtpRefusal.classify(e)) {
			case BOUNCE -> new Outcome(mail, Result.BOUNCED, Duration.ZERO, "Hard bounce: " + truncate(e.getMessage()));
			case FAILED -> failed(mail, e.getMessage());
			case TEMPORARY -> {
				Duration atLeast = Duration.ZERO;
				if (SmtpRefusal.slowDown(e)) {
					pacing.coolDown(domain, System.nanoTime());
					atLeast = pacing.coolDown();
				}
				yield retry(mail, e.getMessage(), atLeast);
			}
		};
	}

	/**
	 * The one retry policy: exponential backoff, capped, for {@code retryFor} after the
	 * mail was queued, then failed.
	 */
	Outcome retry(Queued mail, String error, Duration atLeast) {
		if (!clock.instant().isBefore(mail.queuedAt().plus(properties.retryFor()))) {
			return failed(mail,
					"Gave up after " + properties.retryFor().toDays() + " days of temporary failures: " + error);
		}
		Duration delay = properties.retryDelay(mail.attempts());
		return new Outcome(mail, Result.RETRY, delay.compareTo(atLeast) < 0 ? atLeast : delay, truncate(error));
	}

	private static Outcome failed(Queued mail, String error) {
		log.warn("Mail {} failed permanently: {}", mail.messageId(), error);
		return new Outcome(mail, Result.FAILED, Duration.ZERO, truncate(error));
	}

	static String truncate(String text) {
		return text == null ? null : text.substring(0, Math.min(text.length(), 1000));
	}

}
