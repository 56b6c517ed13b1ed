package org.safepassage.system.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safepassage.TestClock;
import org.safepassage.system.mail.Outbox;
import org.safepassage.system.mail.OutgoingMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An SMTP server that is down for hours, on the application's own clock: mail waits and
 * goes once the server is back; only after the retry period (5 days) does it fail, and an
 * admin can then send it again. Its own application context and database (not
 * {@code IntegrationTest}'s), whose SMTP server this test starts and stops.
 */
@SpringBootTest
class MailOutageIntegrationTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

	static final int PORT = freePort();

	/** The provider's server: down until a test starts it. */
	static final GreenMail PROVIDER = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("safepassage.embedded-db.data-dir",
				() -> Path.of("target", "test-db", UUID.randomUUID().toString()).toString());
		registry.add("safepassage.mail.poll-interval", () -> "100ms");
		registry.add("safepassage.admin.email", () -> "admin@example.org");
		registry.add("safepassage.admin.password", () -> "correct horse battery");
	}

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void providerDownAndClockBack() {
		PROVIDER.stop();
		clock.reset();
	}

	@Test
	void aSixHourOutageLosesNothing() throws Exception {
		String to = queue("overnight");
		int attempts = awaitAnotherAttempt(to, 0);
		for (int hour = 1; hour <= 6; hour++) {
			clock.advance(Duration.ofHours(1));
			attempts = awaitAnotherAttempt(to, attempts);
			assertThat(row(to)).containsEntry("status", "pending");
		}
		assertThat(attempts).isGreaterThanOrEqualTo(7);
		assertThat((String) row(to).get("last_error")).isNotBlank();
		assertThat((String) row(to).get("text_body")).contains("token-overnight");

		PROVIDER.start();
		clock.advance(Duration.ofHours(1));
		await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(row(to).get("status")));
		assertThat(PROVIDER.getReceivedMessagesForDomain(to)).hasSize(1);
	}

	@Test
	void afterTheRetryPeriodMailFailsKeepsItsBodyAndAnAdminCanSendItAgain() throws Exception {
		String to = queue("five-days");
		awaitAnotherAttempt(to, 0);
		clock.advance(Duration.ofDays(5).plusMinutes(1));
		await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(row(to).get("status")));
		assertThat((String) row(to).get("last_error")).startsWith("Gave up after 5 days");
		assertThat((String) row(to).get("text_body")).contains("token-five-days");

		PROVIDER.start();
		long id = (Long) row(to).get("id");
		assertThat(outbox.sendAgain(id)).isTrue();
		await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(row(to).get("status")));
		assertThat(PROVIDER.getReceivedMessagesForDomain(to)).hasSize(1);
		assertThat(row(to)).containsEntry("text_body", "");
		assertThat(outbox.sendAgain(id)).as("only failed mail goes again").isFalse();
	}

	String queue(String name) {
		String to = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		transactions.executeWithoutResult(s -> outbox.enqueue(new OutgoingMail(to, "Please confirm",
				"Confirm: http://localhost/c?token-" + name, "<p>token-" + name + "</p>", "test", Map.of())));
		return to;
	}

	int awaitAnotherAttempt(String to, int before) {
		await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) row(to).get("attempts")).intValue() > before);
		await().atMost(Duration.ofSeconds(20)).until(() -> !"sending".equals(row(to).get("status")));
		return ((Number) row(to).get("attempts")).intValue();
	}

	Map<String, Object> row(String to) {
		return jdbc.sql("select id, status, attempts, last_error, text_body from mail_outbox where recipient = ?")
			.param(to)
			.query()
			.singleRow();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
