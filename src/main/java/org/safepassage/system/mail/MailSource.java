package org.safepassage.system.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the one mail engine finds work: the outbox, alert deliveries, and whatever sends
 * mail next. A source keeps its own table; the engine owns everything between the claim
 * and the mark (connections, MIME, pacing, retries, reading refusals, suppression).
 */
public interface MailSource {

	/**
	 * Claims up to {@code limit} due mails ({@code FOR UPDATE SKIP LOCKED}) and leases
	 * them for {@code lease}, so other senders pass them by and a dead sender's claims
	 * come back when the lease ends. Each claim counts one attempt.
	 */
	List<Queued> claim(int limit, Duration lease);

	/** Records what became of the mails of one batch, all in the caller's transaction. */
	void settle(List<Outcome> outcomes);

	/**
	 * Whether a claimed mail should still go, asked just before it is sent (an alert
	 * paused meanwhile hands its claims back).
	 */
	default boolean stillWanted(Queued mail) {
		return true;
	}

	/**
	 * Told right after the SMTP server accepted a mail, before its mark is written; an
	 * exception stops the worker, and what was accepted is marked first (a test seam that
	 * simulates a sender killed right after a mark).
	 */
	default void accepted(Queued mail, long smtpNanos) {
	}

	/**
	 * One claimed mail. {@code messageId} was stored when the mail was queued and is sent
	 * on every attempt; {@code automated} mail carries {@code Auto-Submitted};
	 * {@code queuedAt} starts the period temporary failures are retried for.
	 */
	record Queued(long id, String recipient, String messageId, int attempts, String subject, String text, String html,
			Map<String, String> headers, boolean automated, Instant queuedAt) {
	}

	/** What became of one claimed mail. */
	record Outcome(Queued mail, Result result, Duration delay, String error) {

		public static Outcome of(Queued mail, Result result) {
			return new Outcome(mail, result, Duration.ZERO, null);
		}

	}

	enum Result {

		/** Accepted by the SMTP server: the body is erased. */
		SENT,
		/** A temporary refusal: tried again after {@code delay}, the attempt counts. */
		RETRY,
		/**
		 * Handed back untouched, due again after {@code delay} (over its domain's pace,
		 * or paused); the attempt does not count.
		 */
		DEFERRED,
		/**
		 * A permanent refusal of the message, or temporary failures for longer than
		 * {@code safepassage.mail.retry-for}.
		 */
		FAILED,
		/**
		 * The recipient's server said the address does not exist; it is now suppressed.
		 */
		BOUNCED,
		/** The address is on the suppression list: nothing was sent. */
		SUPPRESSED

	}

}
