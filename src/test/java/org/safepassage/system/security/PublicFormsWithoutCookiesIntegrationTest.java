package org.safepassage.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 9, finding 4: a supporter whose CSRF cookie is gone (a page left open, cookies
 * blocked, a privacy browser) got "You do not have access to this page", or raw JSON with
 * {@code Accept: *}{@code /*}, and lost what they typed. Public forms work without any
 * cookie; staff forms keep their token.
 */
class PublicFormsWithoutCookiesIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository petitions;

	@Autowired
	AlertLinks links;

	@LocalServerPort
	int port;

	@Test
	void signingAndConfirmingNeedNoCookie() throws Exception {
		long id = Petitions.openPetition(petitions, "No cookie");
		mvc.perform(post("/petitions/{id}/signatures", id).header("Accept", "*/*")
			.param("name", "Nora")
			.param("email", "nocookie@example.org")
			.param("country", "GB")).andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		assertThat(jdbc.sql("select count(*) from signature where email = 'nocookie@example.org'")
			.query(Long.class)
			.single()).isEqualTo(1);
		// The link in the mail is the proof; no cookie is needed to use it.
		mvc.perform(post("/signatures/confirm").header("Accept", "*/*").param("token", "A".repeat(32)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("We do not recognise this link")));
	}

	@Test
	void subscribingConfirmingAndPreferencesNeedNoCookie() throws Exception {
		mvc.perform(post("/alerts/subscribe").header("Accept", "*/*")
			.param("email", "nocookie-alerts@example.org")
			.param("language", "en")
			.param("topics", "NEWS")).andExpect(redirectedUrl("/alerts/subscribe/check-your-email"));
		assertThat(jdbc.sql("select state from alert_subscriber where email_key = 'nocookie-alerts@example.org'")
			.query(String.class)
			.single()).isEqualTo("PENDING");
		mvc.perform(post("/alerts/confirm").param("token", "A".repeat(32)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("We do not recognise this link")));

		long id = jdbc.sql("""
				insert into alert_subscriber (email, email_key, name, language, topics, state, source, confirmed_at)
				values ('nocookie-prefs@example.org', 'nocookie-prefs@example.org', 'Test', 'en', '{NEWS}',
				        'CONFIRMED', 'test', now()) returning id""").query(Long.class).single();
		String path = links.preferencesPath(id);
		mvc.perform(post(path).param("name", "Pat").param("language", "en").param("topics", "PRAYER"))
			.andExpect(redirectedUrl(path + "?saved"));
	}

	@Test
	void theRealServerTakesASignatureFromABrowserWithoutCookies() throws Exception {
		long id = Petitions.openPetition(petitions, "No cookie jar");
		HttpClient noCookies = HttpClient.newHttpClient();
		HttpResponse<String> response = noCookies
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/petitions/" + id + "/signatures"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "*/*")
				.POST(HttpRequest.BodyPublishers.ofString("name=Jar&email=jar%40example.org&country=GB"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/check-your-email");
	}

	@Test
	void staffFormsStillNeedTheirToken() throws Exception {
		mvc.perform(post("/admin/petitions").with(user("campaigner").roles("CAMPAIGNER")).param("title", "T"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/login").param("username", "admin@example.org").param("password", "correct horse battery"))
			.andExpect(status().isForbidden());
	}

}
