package org.safepassage.system.mail.bounces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.system.mail.Suppressions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/**
 * Bounce and complaint reports delivered into a real mailbox (GreenMail), read over IMAP
 * and over POP3.
 */
class BounceMailboxIntegrationTest extends IntegrationTest {

	static final GreenMail MAILBOX = new GreenMail(
			new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
					new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3) });

	@Autowired
	Suppressions suppressions;

	GreenMailUser bounces;

	@BeforeAll
	static void startMailbox() {
		MAILBOX.start();
	}

	@AfterAll
	static void stopMailbox() {
		MAILBOX.stop();
	}

	@BeforeEach
	void emptyMailbox() throws Exception {
		MAILBOX.purgeEmailFromAllMailboxes();
		bounces = MAILBOX.setUser("bounces@example.org", "bounces", "secret");
	}

	BounceMailbox mailbox(BounceMailboxProperties.Protocol protocol) {
		int port = protocol.imap() ? MAILBOX.getImap().getPort() : MAILBOX.getPop3().getPort();
		return new BounceMailbox(new BounceMailboxProperties(protocol, "127.0.0.1", port, "bounces", "secret", "INBOX",
				Duration.ofMinutes(5), 200, DataSize.ofMegabytes(1), Duration.ofSeconds(10)), suppressions);
	}

	void deliver(String raw) {
		bounces.deliver(GreenMailUtil.newMimeMessage(raw));
	}

	String sourceOf(String address) {
		return jdbc.sql("select reason || ' ' || source from mail_suppression where address = :a")
			.param("a", address)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void aHardBounceReadOverImapSuppressesTheAddressAndIsDeleted() throws Exception {
		deliver(Reports.dsn("gone.imap@example.net", "failed", "5.1.1"));

		BounceMailbox.Reading reading = mailbox(BounceMailboxProperties.Protocol.IMAP).read();

		assertThat(reading).isEqualTo(new BounceMailbox.Reading(1, 1, 0));
		assertThat(sourceOf("gone.imap@example.net")).isEqualTo("HARD_BOUNCE dsn:imap");
		assertThat(MAILBOX.getReceivedMessagesForDomain("example.org")).isEmpty();
	}

	@Test
	void aHardBounceReadOverPop3SuppressesTheAddressAndIsDeleted() throws Exception {
		deliver(Reports.dsn("gone.pop@example.net", "failed", "5.2.1"));

		BounceMailbox.Reading reading = mailbox(BounceMailboxProperties.Protocol.POP3).read();

		assertThat(reading).isEqualTo(new BounceMailbox.Reading(1, 1, 0));
		assertThat(sourceOf("gone.pop@example.net")).isEqualTo("HARD_BOUNCE dsn:pop3");
		assertThat(MAILBOX.getReceivedMessagesForDomain("example.org")).isEmpty();
	}

	@Test
	void aDelayOrATemporaryFailureSuppressesNothing() throws Exception {
		deliver(Reports.dsn("slow@example.net", "delayed", "4.4.1"));
		deliver(Reports.dsn("full@example.net", "failed", "4.2.2"));

		BounceMailbox.Reading reading = mailbox(BounceMailboxProperties.Protocol.IMAP).read();

		assertThat(reading).isEqualTo(new BounceMailbox.Reading(0, 2, 0));
		assertThat(sourceOf("slow@example.net")).isNull();
		assertThat(sourceOf("full@example.net")).isNull();
	}

	@Test
	void aComplaintSuppressesTheOriginalRecipient() throws Exception {
		deliver(Reports.complaint("annoyed@example.net"));

		mailbox(BounceMailboxProperties.Protocol.POP3).read();

		assertThat(sourceOf("annoyed@example.net")).isEqualTo("COMPLAINT dsn:pop3");
	}

	@Test
	void otherMailIsLeftAndReadOnce() throws Exception {
		deliver("""
				From: supporter@example.net
				To: bounces@example.org
				Subject: Thank you

				Not a report.
				""".replace("\n", "\r\n"));
		deliver(Reports.dsn("after.other@example.net", "failed", "5.1.1"));

		for (BounceMailboxProperties.Protocol protocol : BounceMailboxProperties.Protocol.values()) {
			if (protocol == BounceMailboxProperties.Protocol.IMAPS
					|| protocol == BounceMailboxProperties.Protocol.POP3S) {
				continue;
			}
			BounceMailbox mailbox = mailbox(protocol);
			BounceMailbox.Reading first = mailbox.read();
			BounceMailbox.Reading second = mailbox.read();
			assertThat(second).isEqualTo(new BounceMailbox.Reading(0, 0, 0));
			assertThat(first.left()).isEqualTo(1);
		}
		assertThat(sourceOf("after.other@example.net")).isEqualTo("HARD_BOUNCE dsn:imap");
		assertThat(MAILBOX.getReceivedMessagesForDomain("example.org")).hasSize(1);
	}

}
