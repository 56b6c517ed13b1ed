package org.safepassage.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.system.security.StaffLogins.account;
import static org.safepassage.system.security.StaffLogins.from;
import static org.safepassage.system.security.StaffLogins.session;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff sessions are kept in PostgreSQL; whatever changes what an account may do ends all
 * of its sessions at once, on every device. Supporters never get one.
 */
class StaffSessionsIntegrationTest extends IntegrationTest {

	static final String PASSWORD = "a long staff passphrase";

	static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository petitionRepository;

	@LocalServerPort
	int port;

	@Autowired
	List<SecurityFilterChain> securityChains;

	@Autowired
	CsrfTokenRepository csrfTokens;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void disablingAnAccountEndsAllItsSessions() throws Exception {
		long id = account(jdbc, encoder, "disabled@example.org", PASSWORD, "CAMPAIGNER");
		Cookie laptop = session(mvc, "disabled@example.org", PASSWORD, "198.51.100.1");
		Cookie phone = session(mvc, "disabled@example.org", PASSWORD, "198.51.100.2");
		mvc.perform(get("/admin/alerts").cookie(laptop)).andExpect(status().isOk());
		mvc.perform(get("/admin/alerts").cookie(phone)).andExpect(status().isOk());
		assertThat(sessionsOf("disabled@example.org")).isEqualTo(2);

		mvc.perform(post("/admin/staff/{id}/enabled", id).with(ADMIN).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/staff"));

		assertThat(sessionsOf("disabled@example.org")).isZero();
		mvc.perform(get("/admin/alerts").cookie(laptop)).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/admin/alerts").cookie(phone).with(csrf()).param("title", "still here?"))
			.andExpect(redirectedUrl("/login"));
		mvc.perform(StaffLogins.signIn("disabled@example.org", PASSWORD, "198.51.100.1"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void changingRolesEndsAllSessionsAndTheNewRolesApplyAtTheNextSignIn() throws Exception {
		long id = account(jdbc, encoder, "moved@example.org", PASSWORD, "CAMPAIGNER");
		Cookie before = session(mvc, "moved@example.org", PASSWORD, "198.51.100.3");
		mvc.perform(get("/admin/alerts").cookie(before)).andExpect(status().isOk());

		mvc.perform(post("/admin/staff/{id}/roles", id).with(ADMIN).with(csrf()).param("roles", "RESEARCHER"))
			.andExpect(redirectedUrl("/admin/staff"));

		assertThat(sessionsOf("moved@example.org")).isZero();
		mvc.perform(get("/admin/alerts").cookie(before)).andExpect(redirectedUrl("/login"));
		Cookie after = session(mvc, "moved@example.org", PASSWORD, "198.51.100.3");
		mvc.perform(get("/admin/alerts").cookie(after)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/evidence").cookie(after)).andExpect(status().isOk());
	}

	@Test
	void anAdminResetsAPasswordToAOneTimePasswordThatMustBeChanged() throws Exception {
		long id = account(jdbc, encoder, "forgot@example.org", PASSWORD, "CAMPAIGNER");
		Cookie old = session(mvc, "forgot@example.org", PASSWORD, "198.51.100.4");

		MvcResult reset = mvc.perform(post("/admin/staff/{id}/password", id).with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/admin/staff"))
			.andReturn();
		String oneTime = (String) reset.getFlashMap().get("oneTimePassword");
		assertThat(oneTime).hasSize(32);

		assertThat(sessionsOf("forgot@example.org")).isZero();
		mvc.perform(get("/admin").cookie(old)).andExpect(redirectedUrl("/login"));
		mvc.perform(StaffLogins.signIn("forgot@example.org", PASSWORD, "198.51.100.4"))
			.andExpect(redirectedUrl("/login?error"));
		Cookie fresh = session(mvc, "forgot@example.org", oneTime, "198.51.100.4");
		mvc.perform(get("/admin").cookie(fresh)).andExpect(redirectedUrl("/admin/account/password"));
	}

	@Test
	void changingTheOwnPasswordEndsEverySessionOfTheAccount() throws Exception {
		account(jdbc, encoder, "changer@example.org", PASSWORD, "CAMPAIGNER");
		Cookie here = session(mvc, "changer@example.org", PASSWORD, "198.51.100.5");
		Cookie elsewhere = session(mvc, "changer@example.org", PASSWORD, "198.51.100.6");

		mvc.perform(post("/admin/account/password").cookie(here)
			.with(csrf())
			.with(from("198.51.100.5"))
			.param("currentPassword", PASSWORD)
			.param("password", "another long passphrase")
			.param("confirmation", "another long passphrase")).andExpect(redirectedUrl("/login?passwordChanged"));

		assertThat(sessionsOf("changer@example.org")).isZero();
		mvc.perform(get("/admin").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anEmailOfAnyAllowedLengthSignsIn() throws Exception {
		String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + ".example.org";
		account(jdbc, encoder, email, PASSWORD, "CAMPAIGNER");
		Cookie cookie = session(mvc, email, PASSWORD, "198.51.100.7");
		mvc.perform(get("/admin").cookie(cookie)).andExpect(status().isOk());
		assertThat(sessionsOf(email)).isEqualTo(1);
	}

	/** Through the real server, as the signing spike comes: page, then signature. */
	@Test
	void readingAndSigningAPetitionCreatesNoSession() throws Exception {
		long petition = Petitions.openPetition(petitionRepository, "Sessions petition");
		StaffLogins.undoMockMvcCsrf(securityChains, csrfTokens);
		long sessions = allSessions();
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		String base = "http://localhost:" + port;

		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(URI.create(base + "/petitions/" + petition)).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "name=Min&email=no-session%40example.org&country=GB&postcode=&keepUpdated=false&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signed = client
			.send(HttpRequest.newBuilder(URI.create(base + "/petitions/" + petition + "/signatures"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Forwarded-For", "192.0.2.77")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(signed.statusCode()).isEqualTo(302);
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
		assertThat(signed.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
		assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).doesNotContain("SESSION");
		assertThat(allSessions()).isEqualTo(sessions);
	}

	/**
	 * Anyone can ask for staff pages; the page they wanted is remembered in a cookie, so
	 * a flood of such requests fills neither memory nor the session table.
	 */
	@Test
	void anonymousRequestsForStaffPagesCreateNoSession() throws Exception {
		StaffLogins.undoMockMvcCsrf(securityChains, csrfTokens);
		long sessions = allSessions();
		HttpClient client = HttpClient.newBuilder().build();
		String base = "http://localhost:" + port;

		for (int i = 0; i < 20; i++) {
			HttpResponse<String> refused = client.send(
					HttpRequest.newBuilder(URI.create(base + "/admin/petitions?x=" + i)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
			assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
		}
		assertThat(allSessions()).isEqualTo(sessions);
	}

	private long sessionsOf(String email) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private long allSessions() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

}
