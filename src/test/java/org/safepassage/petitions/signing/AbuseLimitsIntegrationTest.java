package org.safepassage.petitions.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Per-address limits: over-limit signatures are stored and flagged, never counted, and
 * look normal.
 */
class AbuseLimitsIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	@Autowired
	SignatureCounts counts;

	@LocalServerPort
	int port;

	void signFrom(long id, String ip, String email) throws Exception {
		mvc.perform(post("/petitions/{id}/signatures", id).with(csrf()).with(request -> {
			request.setRemoteAddr(ip);
			return request;
		}).param("name", "Signer").param("email", email).param("country", "GB"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
	}

	@Test
	void signaturesOverTheBurstLimitAreFlaggedAndNotCounted() throws Exception {
		long id = Petitions.openPetition(repository, "Burst");
		for (int i = 1; i <= 5; i++) {
			signFrom(id, "198.51.100.9", "burst" + i + "@example.org");
		}
		List<String> flags = jdbc
			.sql("select coalesce(flag_reason, '-') from signature where petition_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(flags).containsExactly("-", "-", "-", "ip-burst", "ip-burst");

		// A flagged signature gets no mail (issue 9, finding 5): mail bombing from one
		// address stops at the limit. Its signer saw the usual answer all the same.
		assertThat(jdbc.sql("select recipient from mail_outbox where recipient like 'burst_@example.org' order by 1")
			.query(String.class)
			.list()).containsExactly("burst1@example.org", "burst2@example.org", "burst3@example.org");
		for (int i = 1; i <= 3; i++) {
			mvc.perform(post("/signatures/confirm").with(csrf()).param("token", confirmationToken("burst" + i)))
				.andExpect(redirectedUrl("/petitions/" + id + "?confirmed"));
		}
		signFrom(id, "198.51.100.9", "burst1@example.org");
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'burst1@example.org'")
			.query(Long.class)
			.single()).as("a repeat from a flagged address is not mailed either").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from signature where petition_id = ? and confirmed_at is not null")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(3);
		await().atMost(Duration.ofSeconds(2))
			.until(() -> jdbc.sql("select count(*) from signature_count_pending where petition_id = ?")
				.param(id)
				.query(Long.class)
				.single() == 0);
		assertThat(jdbc.sql("select coalesce(sum(confirmed), 0) from signature_count where petition_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(3);
		await().atMost(Duration.ofSeconds(2)).until(() -> counts.of(id).total() == 3);
	}

	@Test
	void allowListedAddressesAreNotLimited() throws Exception {
		long id = Petitions.openPetition(repository, "Church hall");
		for (int i = 1; i <= 5; i++) {
			signFrom(id, "192.0.2.44", "hall" + i + "@example.org");
		}
		assertThat(jdbc.sql("select count(*) from signature where petition_id = ? and not flagged")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	/**
	 * Through the real server: the sign form with its CSRF cookie, and X-Forwarded-For
	 * from loopback.
	 */
	@Test
	void theRealFormRecordsTheForwardedAddressFromATrustedProxy() throws Exception {
		long id = Petitions.openPetition(repository, "Forwarded");
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String page = client
			.send(HttpRequest.newBuilder(URI.create(base + "/petitions/" + id)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "name=Forwarded&email=fwd%40example.org&country=GB&postcode=&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = client
			.send(HttpRequest.newBuilder(URI.create(base + "/petitions/" + id + "/signatures"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Forwarded-For", "203.0.113.7")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(
				jdbc.sql("select host(ip) from signature where email = 'fwd@example.org'").query(String.class).single())
			.isEqualTo("203.0.113.7");

		// A public form needs no CSRF token (issue 9, finding 4).
		HttpResponse<String> noToken = client
			.send(HttpRequest.newBuilder(URI.create(base + "/petitions/" + id + "/signatures"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("name=X&email=x%40example.org&country=GB"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(noToken.statusCode()).isEqualTo(302);
	}

	/**
	 * The token in the confirmation mail, read from the mail received (the outbox erases
	 * a body once the SMTP server accepted it).
	 */
	private String confirmationToken(String localPart) throws Exception {
		String text = MailParts.text(AlertMailbox.await(MAIL, localPart + "@example.org", 1));
		Matcher link = SigningIntegrationTest.CONFIRM_LINK.matcher(text);
		assertThat(link.find()).as("confirmation link in mail").isTrue();
		return link.group(1);
	}

}
