package org.safepassage.system.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.safepassage.shared.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every mail is sent. {@code connections} SMTP connections are kept open across
 * rounds (closed after {@code idleClose} unused) and each sends batches of
 * {@code batchSize} claimed mails, marked together once the batch is through: a crash
 * between the server's acceptance and the mark repeats at most {@code batchSize} mails
 * per connection, each with its own stored Message-ID. With {@code durableMarks} false,
 * claims and marks commit without waiting for the disk flush: a killed JVM loses none
 * (PostgreSQL keeps running and writes them); a crash of the database server or machine
 * can lose the last fraction of a second of marks, whose mails then go again, under the
 * same Message-ID. Temporary refusals (and an unreachable server) are retried for
 * {@code retryFor} after the mail was queued, as mail servers do (Postfix: 5 days), with
 * exponential backoff from {@code firstRetryDelay} capped at {@code maxRetryDelay}, so an
 * overnight outage at the provider delays confirmations but loses none. Failed mail keeps
 * its body for {@code keepFailed}, so an admin can send it again, then it is erased.
 */
@ConfigurationProperties("safepassage.mail")
public record MailProperties(@DefaultValue("SafePassage <no-reply@safepassage.localhost>") String from,
		@DefaultValue("100") int batchSize, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("5d") Duration retryFor, @DefaultValue("30s") Duration firstRetryDelay,
		@DefaultValue("1h") Duration maxRetryDelay, @DefaultValue("60s") Duration lease,
		@DefaultValue("8") int connections, @DefaultValue("30s") Duration idleClose,
		@DefaultValue("false") boolean durableMarks, @DefaultValue("14d") Duration keepFailed,
		@DefaultValue Pacing pacing) {

	public Duration retryDelay(int attemptsSoFar) {
		return Backoff.exponential(firstRetryDelay, maxRetryDelay, attemptsSoFar);
	}

	/**
	 * Per recipient domain: at most {@code perDomain} mails a second (0: no cap), or the
	 * rate given for that domain in {@code domains} (e.g.
	 * {@code safepassage.mail.pacing.domains[gmail.com]=50}). A 421 or a 4xx that speaks
	 * of rates or too many messages cools the whole domain down for {@code coolDown}.
	 * Mail over a domain's pace is handed back with a later due time, without counting an
	 * attempt, so one provider's limits do not hold up mail to the others.
	 */
	public record Pacing(@DefaultValue("0") double perDomain, Map<String, Double> domains,
			@DefaultValue("60s") Duration coolDown) {

		public Pacing {
			domains = domains == null ? Map.of() : Map.copyOf(domains);
		}

		public double rateOf(String domain) {
			Double rate = domains.get(domain.toLowerCase(Locale.ROOT));
			return rate == null ? perDomain : rate;
		}

	}

}
