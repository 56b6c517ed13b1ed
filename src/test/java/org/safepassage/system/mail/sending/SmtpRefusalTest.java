package org.safepassage.system.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/**
 * How an SMTP refusal is read: a 5xx to the recipient is a hard bounce, a 4xx is retried.
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
	void theRateLimiterSpacesMessages() {
		Pace pace = new Pace(200);
		long start = System.nanoTime();
		for (int i = 0; i < 21; i++) {
			pace.acquire();
		}
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(90);
		Pace unlimited = new Pace(0);
		long t = System.nanoTime();
		for (int i = 0; i < 10_000; i++) {
			unlimited.acquire();
		}
		assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(500);
	}

}
