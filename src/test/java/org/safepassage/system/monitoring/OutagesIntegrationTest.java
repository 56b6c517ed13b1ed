package org.safepassage.system.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The two outages a small installation meets, in their own context and database (killing
 * it disturbs no other test), with an SMTP server that is not there.
 * <ul>
 * <li>What the OOM killer does to the embedded PostgreSQL: {@code kill -9} of the
 * postmaster while people sign. Readiness goes DOWN at once (liveness stays UP); signing
 * works again within 30 s without restarting the application; no request gets anything
 * but a signature (302) or a clear "try again" (503); every acknowledged signature is
 * stored with its confirmation mail in the outbox.</li>
 * <li>The mail server away: reported in health details, metrics and an admin banner, but
 * the instance stays UP and ready.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "safepassage.petitions.limits.enabled=false", "safepassage.embedded-db.probe-interval=200ms",
				"safepassage.monitoring.gauge-cache-ttl=0s", "management.prometheus.metrics.export.enabled=true",
				"safepassage.monitoring.scrape-token=" + OutagesIntegrationTest.SCRAPE_TOKEN,
				// no disk here has 1000 TB free: the low-space warning is on
				"safepassage.monitoring.disk-warn-below=1000TB" })
@AutoConfigureMockMvc
@DirtiesContext
class OutagesIntegrationTest {

	static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");

	static final String SCRAPE_TOKEN = "prometheus-scrapes-with-this";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final int SIGNERS = 4;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("safepassage.embedded-db.data-dir",
				() -> Path.of("target", "test-db", "outages-" + UUID.randomUUID()).toString());
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", OutagesIntegrationTest::portNobodyListensOn);
	}

	static int portNobodyListensOn() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MailServerProbe mailServer;

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

		// Readiness probes every 50 ms, each on its own thread, as a load balancer sends
		// them: a probe that waits for a pool connection must not hide the ones that
		// start while the database is away (an outage can be shorter than that wait).
		Queue<Integer> readiness = new ConcurrentLinkedQueue<>();
		ScheduledExecutorService probes = Executors.newScheduledThreadPool(4);
		probes.scheduleAtFixedRate(() -> {
			try {
				readiness.add(statusOf("/actuator/health/readiness"));
			}
			catch (Exception e) {
				readiness.add(-1);
			}
		}, 0, 50, TimeUnit.MILLISECONDS);

		ProcessHandle postmaster = ProcessHandle.of(supervisor.postmasterPid().orElseThrow()).orElseThrow();
		killedAt.set(System.nanoTime());
		assertThat(postmaster.destroyForcibly()).isTrue();
		postmaster.onExit().get();
		// Out of rotation while the database is away, but alive: no restart of the
		// process.
		try {
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> readiness.contains(503));
		}
		finally {
			probes.shutdownNow();
		}
		assertThat(statusOf("/actuator/health/liveness")).isEqualTo(200);

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

	@Test
	void aMailServerOutageIsReportedButNeverTakesTheInstanceDown() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> mailServer.last().isPresent());
		assertThat(mailServer.last().orElseThrow().reachable()).isFalse();

		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(get("/actuator/health").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.mailServer.status").value("UP"))
			.andExpect(jsonPath("$.components.mailServer.details.reachable").value(false))
			.andExpect(jsonPath("$.components.embeddedDatabase.details.state").value("RUNNING"))
			.andExpect(jsonPath("$.components.embeddedDatabase.details.diskFreeBytes").isNumber());
		assertThat(statusOf("/actuator/health/liveness")).isEqualTo(200);
		assertThat(statusOf("/actuator/health/readiness")).isEqualTo(200);

		mvc.perform(get("/admin").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The mail server does not answer")))
			.andExpect(content().string(containsString("The database&#39;s disk is nearly full")));
		mvc.perform(get("/petitions"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("The mail server does not answer"))));
	}

	@Test
	void prometheusIsForAdminsAndShowsRealFigures() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus").with(user("c@example.org").roles("CAMPAIGNER")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer not-" + SCRAPE_TOKEN))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + SCRAPE_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("safepassage_mail_queue_depth")));
		jdbc.sql("""
				insert into mail_suppression (mailbox, address, reason, source, created_at)
				values ('bounced@example.org', 'bounced@example.org', 'HARD_BOUNCE', 'test', now()),
				       ('twice@example.org', 'twice@example.org', 'HARD_BOUNCE', 'test', now())
				on conflict do nothing
				""").update();
		await().atMost(Duration.ofSeconds(30)).until(() -> mailServer.last().isPresent());
		long queued = jdbc.sql("select count(*) from mail_outbox where status in ('pending', 'sending')")
			.query(Long.class)
			.single();

		String metrics = mvc.perform(get("/actuator/prometheus").with(ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metric(metrics, "safepassage_mail_queue_depth")).isEqualTo(queued);
		assertThat(metric(metrics, "safepassage_mail_suppressed{reason=\"HARD_BOUNCE\"}")).isEqualTo(2);
		assertThat(metric(metrics, "safepassage_mail_suppressed{reason=\"COMPLAINT\"}")).isZero();
		assertThat(metric(metrics, "safepassage_mail_server_reachable")).isZero();
		assertThat(metric(metrics, "safepassage_database_up")).isEqualTo(1);
		assertThat(metric(metrics, "safepassage_database_restarts_total")).isEqualTo(supervisor.restarts());
		assertThat(metric(metrics, "safepassage_disk_free_bytes")).isPositive();
		assertThat(metric(metrics, "safepassage_disk_low")).isEqualTo(1);
		assertThat(metrics).contains("safepassage_signatures_accepted_total", "safepassage_signatures_confirmed_total",
				"safepassage_mail_queue_oldest_age_seconds");
	}

	private static double metric(String metrics, String name) {
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
		assertThat(line.find()).as(name + " in " + metrics).isTrue();
		return Double.parseDouble(line.group(1));
	}

	private int statusOf(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getStatus();
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
