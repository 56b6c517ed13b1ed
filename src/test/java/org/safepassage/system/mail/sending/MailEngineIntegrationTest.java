package org.safepassage.system.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.system.mail.Outbox;
import org.safepassage.system.mail.OutgoingMail;
import org.safepassage.system.mail.Suppressions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox mail through the one engine to a real SMTP server (GreenMail): the body with its
 * live link is gone once the server accepted it, the Message-ID drawn at queueing is the
 * one sent, automated mail says so, and a suppressed address gets nothing.
 */
class MailEngineIntegrationTest extends IntegrationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	Suppressions suppressions;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	double counted(String result) {
		return meters.counter("safepassage.mail.outcomes", "result", result).count();
	}

	String address(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	void queue(String to, String link) {
		transactions.executeWithoutResult(s -> outbox.enqueue(new OutgoingMail(to, "Please confirm", "Confirm: " + link,
				"<p><a href=\"" + link + "\">Confirm</a></p>", "test", Map.of("List-Unsubscribe", "<" + link + ">"))));
	}

	Map<String, Object> row(String to) {
		return jdbc.sql("""
				select status, text_body, html_body, headers::text as headers, message_id, attempts, sent_at
				from mail_outbox where recipient = ?""").param(to).query().singleRow();
	}

	@Test
	void aSentMailKeepsNoBodyAndWentUnderItsStoredMessageId() throws Exception {
		double sentBefore = counted("sent");
		String to = address("erased");
		String link = "http://localhost/signatures/confirm?token=" + "T".repeat(32);
		queue(to, link);
		String messageId = (String) row(to).get("message_id");
		assertThat(messageId).matches("<[a-z2-7]{27}@safepassage\\.localhost>");

		MimeMessage received = AlertMailbox.await(MAIL, to, 1);
		assertThat(MailParts.text(received)).contains(link);
		assertThat(AlertMailbox.header(received, "Message-ID")).isEqualTo(messageId);
		assertThat(AlertMailbox.header(received, "Auto-Submitted")).isEqualTo("auto-generated");
		await().atMost(Duration.ofSeconds(5)).until(() -> "sent".equals(row(to).get("status")));

		Map<String, Object> sent = row(to);
		assertThat(sent).containsEntry("text_body", "")
			.containsEntry("html_body", "")
			.containsEntry("headers", "{}")
			.containsEntry("message_id", messageId)
			.containsEntry("attempts", 1);
		assertThat(sent.get("sent_at")).isNotNull();
		assertThat(counted("sent")).isGreaterThan(sentBefore);
		assertThat(jdbc.sql("select count(*) from mail_outbox where text_body like ? or headers::text like ?")
			.param("%" + link + "%")
			.param("%" + link + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSuppressedAddressGetsNothingAndItsMailIsNotRetried() throws Exception {
		double suppressedBefore = counted("suppressed");
		String gone = address("gone");
		String other = address("other");
		suppressions.suppress(gone, Suppressions.Reason.COMPLAINT, "test", null);
		queue(gone, "http://localhost/x?token=secret-of-gone");
		queue(other, "http://localhost/x?token=secret-of-other");

		AlertMailbox.await(MAIL, other, 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> "suppressed".equals(row(gone).get("status")));
		assertThat(row(gone)).containsEntry("text_body", "").containsEntry("html_body", "");
		assertThat(counted("suppressed")).isGreaterThan(suppressedBefore);
		assertThat(AlertMailbox.to(MAIL, gone)).isEmpty();
		assertThat(List.of(MAIL.getReceivedMessages()))
			.allSatisfy(m -> assertThat(AlertMailbox.recipients(m)).doesNotContain(gone));
	}

}
