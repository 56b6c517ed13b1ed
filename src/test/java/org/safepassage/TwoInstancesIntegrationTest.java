package org.safepassage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance on another port shares this instance's database: one signature per
 * email across both, one count, and every mail sent exactly once although both run the
 * mail and counting jobs.
 */
class TwoInstancesIntegrationTest extends IntegrationTest {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final Pattern TOKEN = Pattern.compile("/signatures/confirm\\?token=([A-Za-z0-9_-]{32})");

	static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	SafePassageProperties site;

	ConfigurableApplicationContext second;

	@AfterEach
	void stopSecond() {
		if (second != null) {
			second.close();
		}
	}

	int startSecondInstance() {
		HikariDataSource shared = (HikariDataSource) dataSource;
		second = new SpringApplicationBuilder(SafePassageApplication.class)
			.properties(Map.of("server.port", "0", "spring.datasource.url", shared.getJdbcUrl(),
					"spring.datasource.username", "postgres", "spring.mail.host", "127.0.0.1", "spring.mail.port",
					String.valueOf(MAIL.getSmtp().getPort()), "safepassage.mail.poll-interval", "100ms",
					"safepassage.petitions.count-interval", "200ms", "safepassage.petitions.count-cache-ttl", "100ms",
					"safepassage.petitions.page-cache-ttl", "100ms", "safepassage.petitions.limits.enabled", "false"))
			// The same sealing key as the first instance: without it an instance refuses
			// to start on a database that holds sealed data.
			.properties(Map.of("safepassage.sealing.key-file", sealingKeyFile()))
			.run();
		return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
	}

	/** Where the first instance keeps its sealing key: beside its data directory. */
	String sealingKeyFile() {
		return this.site.embeddedDb()
			.dataDir()
			.toAbsolutePath()
			.normalize()
			.resolveSibling("safepassage-sealing.key")
			.toString();
	}

	static HttpResponse<String> sign(HttpClient client, String base, long petition, String email) throws Exception {
		String page = client
			.send(HttpRequest.newBuilder(URI.create(base + "/petitions/" + petition)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "name=Twin&country=GB&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return client.send(HttpRequest.newBuilder(URI.create(base + "/petitions/" + petition + "/signatures"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			// distinct addresses, so the per-address limits (on in the first instance) do
			// not flag them
			.header("X-Forwarded-For", "198.18.0." + NEXT_ADDRESS.incrementAndGet())
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> confirm(HttpClient client, String base, String token) throws Exception {
		String page = client
			.send(HttpRequest.newBuilder(URI.create(base + "/signatures/confirm?token=" + token)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).isTrue();
		return client.send(HttpRequest.newBuilder(URI.create(base + "/signatures/confirm"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("token=" + token + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void twoInstancesOnOneDatabaseBehaveAsOne() throws Exception {
		int secondPort = startSecondInstance();
		long petition = jdbc.sql("select id from petition where state = 'OPEN' order by id limit 1")
			.query(Long.class)
			.single();
		long before = jdbc.sql("select coalesce(sum(confirmed), 0) from signature_count where petition_id = ?")
			.param(petition)
			.query(Long.class)
			.single();
		List<String> bases = List.of("http://localhost:" + port, "http://localhost:" + secondPort);
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		int signers = 20;
		for (int i = 0; i < signers; i++) {
			assertThat(sign(client, bases.get(i % 2), petition, "twin" + i + "@example.org").statusCode())
				.isEqualTo(302);
		}
		// The same person on the other instance, written differently: still one
		// signature.
		assertThat(sign(client, bases.get(1), petition, "TWIN0@example.org").statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from signature where email_canonical like 'twin%@example.org'")
			.query(Long.class)
			.single()).isEqualTo(signers);

		await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length >= signers + 1);
		Map<String, List<String>> tokensByRecipient = Arrays.stream(MAIL.getReceivedMessages())
			.collect(Collectors.groupingBy(m -> GreenMailUtil.getAddressList(SigningRecipients.of(m)),
					Collectors.mapping(m -> {
						Matcher token = TOKEN.matcher(SigningRecipients.text(m));
						return token.find() ? token.group(1) : "";
					}, Collectors.toList())));
		int n = 0;
		for (int i = 0; i < signers; i++) {
			// twin0 signed twice before confirming: either link works; use the newest.
			String token = tokensByRecipient.get("twin" + i + "@example.org").getLast();
			assertThat(confirm(client, bases.get(n++ % 2), token).statusCode()).isEqualTo(302);
		}
		await().atMost(Duration.ofSeconds(2))
			.until(() -> count(client, bases.get(0), petition) == before + signers
					&& count(client, bases.get(1), petition) == before + signers);

		// Both instances send mail. Each claim of an outbox row counts an attempt, and
		// only
		// a claim sends: every row sent after exactly one claim means no mail can go
		// twice, now or later.
		String twinMail = "from mail_outbox where lower(recipient) like 'twin%@example.org'";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) " + twinMail + " and status = 'sent'")
				.query(Long.class)
				.single() == signers + 1);
		assertThat(jdbc.sql("select count(*) " + twinMail + " and attempts <> 1").query(Long.class).single()).isZero();
		List<String> messageIds = Arrays.stream(MAIL.getReceivedMessages()).map(SigningRecipients::messageId).toList();
		assertThat(messageIds).doesNotHaveDuplicates().hasSize(signers + 1);
		assertThat(jdbc.sql("select coalesce(sum(confirmed), 0) from signature_count where petition_id = ?")
			.param(petition)
			.query(Long.class)
			.single()).isEqualTo(before + signers);
	}

	/**
	 * Issue 15: a language translated after an alert went out is sent from whichever
	 * instance staff press the button on, even both at once: once, and each subscriber of
	 * that language gets one mail, in their language, although both instances send.
	 */
	@Test
	void anAlertLanguageAddedLaterGoesOutOnceFromTwoInstances() throws Exception {
		startSecondInstance();
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> korean = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			korean.add(alertSubscriber("twin-ko-" + run + "-" + i + "@example.org", "ko"));
		}
		String english = alertSubscriber("twin-en-" + run + "@example.org", "en");
		long id = alertLifecycle.create(new AlertContent(AlertKind.ACTION, "Two instances, one send",
				LocalDate.now(clock), "en", null, null, "Please write today.", List.of(), List.of(), List.of()),
				"test");
		alertLifecycle.schedule(id, clock.instant());
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(alertState(id)));
		Locale ko = Locale.forLanguageTag("ko");
		translations.save(AlertContent.TRANSLATION_KIND, id, "title", ko, "두 서버, 한 번의 발송", "test");
		translations.save(AlertContent.TRANSLATION_KIND, id, "body", ko, "오늘 편지를 써 주십시오.", "test");

		List<AlertLifecycle> instances = List.of(alertLifecycle, second.getBean(AlertLifecycle.class));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Integer>> presses = new ArrayList<>();
		try {
			for (AlertLifecycle instance : instances) {
				presses.add(pool.submit(() -> {
					try {
						return instance.sendLanguage(id, "ko", "staff");
					}
					catch (RuleViolation e) {
						return -1;
					}
				}));
			}
			List<Integer> outcomes = new ArrayList<>();
			for (Future<Integer> press : presses) {
				outcomes.add(press.get());
			}
			assertThat(outcomes).contains(-1).anyMatch(n -> n >= korean.size());
		}
		finally {
			pool.shutdown();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(alertState(id)));
		for (String email : korean) {
			await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).size() >= 1);
		}
		assertThat(mailsTo(english)).hasSize(1);
		for (String email : korean) {
			List<MimeMessage> mails = mailsTo(email);
			assertThat(mails).as(email).hasSize(1);
			assertThat(mails.getFirst().getSubject()).endsWith("두 서버, 한 번의 발송");
		}
		assertThat(jdbc.sql("select count(*) from alert_delivery where alert_id = ? and attempts <> 1")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Autowired
	AlertLifecycle alertLifecycle;

	@Autowired
	ContentTranslations translations;

	String alertSubscriber(String email, String language) {
		jdbc.sql("""
				insert into alert_subscriber (email, email_key, language, topics, state, source, confirmed_at)
				values (?, ?, ?, array['ACTION'], 'CONFIRMED', 'test', now())""")
			.param(email)
			.param(email)
			.param(language)
			.update();
		return email;
	}

	String alertState(long id) {
		return jdbc.sql("select state from alert where id = ?").param(id).query(String.class).single();
	}

	static List<MimeMessage> mailsTo(String email) {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients() != null
						&& Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static long count(HttpClient client, String base, long petition) throws Exception {
		String json = client
			.send(HttpRequest.newBuilder(URI.create(base + "/api/petitions/" + petition + "/count")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return Long.parseLong(json.replaceAll(".*\"signatureCount\":(\\d+).*", "$1"));
	}

}
