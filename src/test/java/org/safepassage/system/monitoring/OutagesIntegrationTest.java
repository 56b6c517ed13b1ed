package org.safepassage.system.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.safepassage.system.database.EmbeddedDatabaseSupervisor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the OOM killer does to the embedded PostgreSQL: {@code kill -9} of the postmaster
 * while people sign. Signing works again within 30 s without restarting the application,
 * no request gets anything but a signature (302) or a clear "try again" (503), and every
 * acknowledged signature is stored with its confirmation mail in the outbox. Its own
 * context and database, so killing it disturbs no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "safepassage.petitions.limits.enabled=false", "safepassage.embedded-db.probe-interval=200ms" })
@DirtiesContext
class OutagesIntegrationTest {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final int SIGNERS = 4;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("safepassage.embedded-db.data-dir",
				() -> Path.of("target", "test-db", "restart-" + UUID.randomUUID()).toString());
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedDatabaseSupervisor supervisor;

	final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

	final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	final AtomicBoolean stop = new AtomicBoolean();

	final AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);

	final AtomicLong firstSignatureAfterKill = new AtomicLong();

	final AtomicInteger signedAfterKill = new AtomicInteger();

	@Test
	void signingResumesAfterThePostmasterIsKilledAndNothingAcknowledgedIsLost() throws Exception {
		long petition = jdbc.sql("select id from petition where state = 'OPEN' order by id limit 1")
			.query(Long.class)
			.single();
		List<Thread> signers = new ArrayList<>();
		for (int i = 0; i < SIGNERS; i++) {
			int signer = i;
			signers.add(Thread.ofPlatform().name("signer-" + i).start(() -> signUntilStopped(petition, signer)));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 20);

		ProcessHandle postmaster = ProcessHandle.of(supervisor.postmasterPid().orElseThrow()).orElseThrow();
		killedAt.set(System.nanoTime());
		assertThat(postmaster.destroyForcibly()).isTrue();
		postmaster.onExit().get();

		await().atMost(Duration.ofSeconds(30)).until(() -> signedAfterKill.get() >= 10);
		stop.set(true);
		for (Thread signer : signers) {
			signer.join(30_000);
		}
		System.out.printf("postmaster killed: first signature after %d ms; statuses %s; %d acknowledged%n",
				(firstSignatureAfterKill.get() - killedAt.get()) / 1_000_000, statuses, acknowledged.size());

		assertThat(statuses.keySet()).as("every answer a signature or a 503").isSubsetOf(302, 503);
		assertThat(supervisor.restarts()).isEqualTo(1);
		assertThat(supervisor.state()).isEqualTo(EmbeddedDatabaseSupervisor.State.RUNNING);
		List<String> emails = List.copyOf(acknowledged);
		assertThat(jdbc.sql("select count(*) from signature where email in (:emails)")
			.param("emails", emails)
			.query(Long.class)
			.single()).isEqualTo(emails.size());
		assertThat(jdbc.sql("select count(distinct recipient) from mail_outbox where recipient in (:emails)")
			.param("emails", emails)
			.query(Long.class)
			.single()).isEqualTo(emails.size());
	}

	private void signUntilStopped(long petition, int signer) {
		String base = "http://localhost:" + port;
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		try {
			String page = client
				.send(HttpRequest.newBuilder(URI.create(base + "/petitions/" + petition)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher csrf = CSRF.matcher(page);
			assertThat(csrf.find()).isTrue();
			String token = URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			for (int n = 0; !stop.get(); n++) {
				String email = "restart-" + signer + "-" + n + "@example.org";
				long started = System.nanoTime();
				int status = client
					.send(HttpRequest.newBuilder(URI.create(base + "/petitions/" + petition + "/signatures"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString("name=Restart&country=GB&email="
								+ URLEncoder.encode(email, StandardCharsets.UTF_8) + "&_csrf=" + token))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
				statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
				if (status == 302) {
					acknowledged.add(email);
					if (started > killedAt.get() && signedAfterKill.getAndIncrement() == 0) {
						firstSignatureAfterKill.set(System.nanoTime());
					}
				}
			}
		}
		catch (Exception e) {
			statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
			throw new IllegalStateException(e);
		}
	}

}
