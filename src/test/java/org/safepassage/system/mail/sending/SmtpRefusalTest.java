package org.safepassage.system.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.safepassage.system.mail.MailProperties;

/**
 * How an SMTP refusal is read: a 5xx to the recipient is a hard bounce, a 4xx is retried,
 * a "too many" cools the domain down; and how a domain's pace holds mail back.
 */
class SmtpRefusalTest {

	static SendFailedException rcpt(int code) throws Exception {
		InternetAddress address = new InternetAddress("x@example.org");
		SMTPAddressFailedException failed = new SMTPAddressFailedException(address, "RCPT TO:<x@example.org>", code,
				code + " no such user");
		return new SendFailedException("Invalid Addresses", failed, new Address[0], new Address[0],
				new Address[] { address });
	}

	@Test
	void fiveHundredToTheRecipientIsAHardBounce() throws Exception {
		assertThat(SmtpRefusal.classify(rcpt(550))).isEqualTo(SmtpRefusal.BOUNCE);
	}

	@Test
	void fourHundredToTheRecipientIsRetried() throws Exception {
		assertThat(SmtpRefusal.classify(rcpt(451))).isEqualTo(SmtpRefusal.TEMPORARY);
	}

	@Test
	void aRefusedMessageFailsWithoutBlamingTheAddress() {
		SMTPSendFailedException data = new SMTPSendFailedException("DATA", 554, "554 rejected", null, null, null, null);
		assertThat(SmtpRefusal.classify(data)).isEqualTo(SmtpRefusal.FAILED);
		SMTPSendFailedException busy = new SMTPSendFailedException("DATA", 452, "452 busy", null, null, null, null);
		assertThat(SmtpRefusal.classify(busy)).isEqualTo(SmtpRefusal.TEMPORARY);
	}

	@Test
	void aRateRefusalOrA421CoolsTheDomainDown() {
		SMTPSendFailedException tooMany = new SMTPSendFailedException("DATA", 450,
				"450 4.7.0 Too many messages, slow down", null, null, null, null);
		assertThat(SmtpRefusal.slowDown(tooMany)).isTrue();
		SMTPSendFailedException closing = new SMTPSendFailedException("DATA", 421, "421 closing", null, null, null,
				null);
		assertThat(SmtpRefusal.slowDown(closing)).isTrue();
		SMTPSendFailedException full = new SMTPSendFailedException("DATA", 452, "452 mailbox full", null, null, null,
				null);
		assertThat(SmtpRefusal.slowDown(full)).isFalse();
	}

	@Test
	void aDomainOverItsPaceIsHeldBackAndOthersAreNot() {
		DomainPacing pacing = new DomainPacing(
				new MailProperties.Pacing(0, Map.of("slow.example", 2.0), Duration.ofSeconds(60)));
		long now = 0;
		assertThat(pacing.delay("slow.example", now)).isZero();
		assertThat(pacing.delay("slow.example", now)).isZero();
		assertThat(pacing.delay("slow.example", now)).isEqualTo(Duration.ofMillis(500));
		assertThat(pacing.delay("fast.example", now)).isZero();
		// half a second later one more may go
		assertThat(pacing.delay("slow.example", now + 500_000_000L)).isZero();
		assertThat(pacing.spacing("slow.example")).isEqualTo(Duration.ofMillis(500));

		pacing.coolDown("fast.example", now);
		assertThat(pacing.delay("fast.example", now + 1_000_000_000L)).isEqualTo(Duration.ofSeconds(59));
		assertThat(pacing.delay("fast.example", now + 61_000_000_000L)).isZero();
	}

}
