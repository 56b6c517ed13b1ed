package org.safepassage;

import java.nio.file.Path;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests against the whole application: a real embedded PostgreSQL 18 in a fresh
 * directory, and a real SMTP server (GreenMail) that the outbox worker delivers to. One
 * context is shared by all subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

	/** Replaces the application's clock with one a test can move. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

	protected static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		MAIL.start();
	}

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TestClock clock;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("safepassage.embedded-db.data-dir",
				() -> Path.of("target", "test-db", UUID.randomUUID().toString()).toString());
		registry.add("safepassage.mail.poll-interval", () -> "100ms");
		// Small batches, so a test can stop the engine half-way through a few dozen
		// mails.
		registry.add("safepassage.mail.batch-size", () -> "10");
		registry.add("safepassage.petitions.count-interval", () -> "200ms");
		registry.add("safepassage.petitions.count-cache-ttl", () -> "100ms");
		registry.add("safepassage.petitions.limits.allow-list", () -> "192.0.2.0/24");
		// MockMvc requests all come from 127.0.0.1, and subscribing is limited per
		// address
		// across the whole site (signing per petition, and tests use new petitions).
		registry.add("safepassage.alerts.limits.allow-list", () -> "127.0.0.1, 192.0.2.0/24");
		registry.add("safepassage.booklets.limits.allow-list", () -> "127.0.0.1, 192.0.2.0/24");
		registry.add("safepassage.mail.webhooks.secret", () -> "webhook-secret-for-tests");
		// The application takes uploads of 200 MB (a UK postcode file); the request size
		// tests send just over Spring's default of 10 MB instead.
		registry.add("spring.servlet.multipart.max-file-size", () -> "10MB");
		registry.add("spring.servlet.multipart.max-request-size", () -> "10MB");
		registry.add("safepassage.admin.email", () -> "admin@example.org");
		registry.add("safepassage.admin.password", () -> "correct horse battery");
	}

	@BeforeEach
	void resetMailboxAndClock() throws Exception {
		MAIL.purgeEmailFromAllMailboxes();
		this.clock.reset();
	}

}
