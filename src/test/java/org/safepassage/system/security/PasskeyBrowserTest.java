package org.safepassage.system.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.system.security.StaffLogins.account;

import java.util.List;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.Chromium;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * A staff member adds a passkey on the account page in Chromium, with a virtual
 * authenticator, then signs in with it: alone, and as the second factor after the
 * password when an admin requires one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyBrowserTest extends IntegrationTest {

	static final String PASSWORD = "a long staff passphrase";

	@LocalServerPort
	int port;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	List<SecurityFilterChain> securityChains;

	@Autowired
	CsrfTokenRepository csrfTokens;

	Chromium chromium;

	Browser browser;

	@BeforeAll
	void launch() {
		chromium = Chromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void optionalAgain() {
		jdbc.sql("update security_setting set second_factor_required = false").update();
	}

	@Test
	void aPasskeyIsAddedAndSignsIn() {
		StaffLogins.undoMockMvcCsrf(securityChains, csrfTokens);
		account(jdbc, encoder, "passkey@example.org", PASSWORD, "CAMPAIGNER");
		String base = "http://localhost:" + port;
		BrowserContext context = browser.newContext();
		Page page = context.newPage();
		CDPSession cdp = context.newCDPSession(page);
		cdp.send("WebAuthn.enable");
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		JsonObject authenticator = new JsonObject();
		authenticator.add("options", options);
		cdp.send("WebAuthn.addVirtualAuthenticator", authenticator);

		signInWithPassword(page, base);
		page.navigate(base + "/admin/account");
		page.getByLabel("Name of the passkey").fill("Work laptop");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
		assertThat(page.locator(".notice.success")).hasText("The passkey has been added.");
		assertThat(page.locator("table")).containsText("Work laptop");
		assertThat(jdbc.sql("""
				select count(*) from staff_audit where actor = 'passkey@example.org' and action = 'passkey.added'""")
			.query(Long.class)
			.single()).isEqualTo(1);

		// The passkey alone, while no second factor is required.
		signOut(page);
		page.navigate(base + "/login");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
		page.waitForURL(url -> !url.contains("/login"));
		page.navigate(base + "/admin");
		assertThat(page.locator("h1")).hasText("Campaign admin");

		// Required: the password, then the passkey as the second factor.
		jdbc.sql("update security_setting set second_factor_required = true").update();
		signOut(page);
		signInWithPassword(page, base);
		assertThat(page.locator("h1")).hasText("Second step of your sign-in");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use my passkey")).click();
		assertThat(page.locator("h1")).hasText("Campaign admin");
		page.navigate(base + "/admin/alerts");
		assertThat(page.locator("h1")).not().hasText("Second step of your sign-in");
		context.close();
	}

	private static void signInWithPassword(Page page, String base) {
		page.navigate(base + "/login");
		page.getByLabel("Email").fill("passkey@example.org");
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	private static void signOut(Page page) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).hasCount(0);
	}

}
