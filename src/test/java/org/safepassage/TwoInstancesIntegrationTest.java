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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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

	@Value("${safepassage.embedded-db.data-dir}")
	String dataDir;

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
			// the same data directory setting, so the same sealing key file beside it
			.properties("safepassage.embedded-db.data-dir=" + dataDir)
			.run();
		return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
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

	static long count(HttpClient client, String base, long petition) throws Exception {
		String json = client
			.send(HttpRequest.newBuilder(URI.create(base + "/api/petitions/" + petition + "/count")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return Long.parseLong(json.replaceAll(".*\"signatureCount\":(\\d+).*", "$1"));
	}

}
