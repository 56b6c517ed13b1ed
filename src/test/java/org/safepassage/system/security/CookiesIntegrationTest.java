package org.safepassage.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.system.security.StaffLogins.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The session and CSRF cookies are SameSite=Lax, the session cookie HttpOnly, and both
 * Secure when the request came over https (here: through a TLS proxy on loopback, which
 * is trusted to say so).
 */
class CookiesIntegrationTest extends IntegrationTest {

	static final String PASSWORD = "a cookie-testing passphrase";

	@LocalServerPort
	int port;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	List<SecurityFilterChain> securityChains;

	@Autowired
	CsrfTokenRepository csrfTokens;

	final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void realCsrfTokens() {
		StaffLogins.undoMockMvcCsrf(securityChains, csrfTokens);
	}

	@Test
	void overHttpsBothCookiesAreSecureSameSiteAndTheSessionHttpOnly() throws Exception {
		account(jdbc, encoder, "cookies@example.org", PASSWORD, "CAMPAIGNER");
		List<String> cookies = signIn("https");

		assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
			.isNotEmpty()
			.allSatisfy(c -> assertThat(c).contains("SameSite=Lax").contains("Secure"));
		assertThat(cookies).filteredOn(c -> c.startsWith("SESSION="))
			.singleElement()
			.satisfies(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly").contains("Secure"));
	}

	@Test
	void overPlainHttpTheyAreNotMarkedSecure() throws Exception {
		account(jdbc, encoder, "cookies@example.org", PASSWORD, "CAMPAIGNER");
		List<String> cookies = signIn("http");

		assertThat(cookies).filteredOn(c -> c.startsWith("SESSION="))
			.singleElement()
			.satisfies(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure"));
		assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
			.allSatisfy(c -> assertThat(c).contains("SameSite=Lax").doesNotContain("Secure"));
	}

	/** The sign-in page, then the form, as a browser behind the proxy sends them. */
	private List<String> signIn(String scheme) throws Exception {
		String base = "http://localhost:" + port;
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("X-Forwarded-Proto", scheme)
			.header("X-Forwarded-For", "198.51.100.70")
			.build(), HttpResponse.BodyHandlers.ofString());
		List<String> cookies = new ArrayList<>(page.headers().allValues("Set-Cookie"));
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String xsrfCookie = cookies.stream()
			.filter(c -> c.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow()
			.split(";")[0];
		String form = "username=cookies%40example.org&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", xsrfCookie)
			.header("X-Forwarded-Proto", scheme)
			.header("X-Forwarded-For", "198.51.100.70")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
		cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
		return cookies;
	}

}
