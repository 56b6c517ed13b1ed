package org.safepassage.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.Chromium;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.PetitionDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Issue 14's "done when", tried as new users would in Chromium: a caseworker records a
 * case with a real name, a second caseworker publishes its pseudonymous part, the public
 * page and the petition it is linked to show the pseudonym, and the real name appears
 * only after a reveal with a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseBrowserTest extends IntegrationTest {

	static final String PASSWORD = "a long password for case tests";

	static final String REAL_NAME = "Brannoveth Quillsmark";

	@LocalServerPort
	int port;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	List<SecurityFilterChain> securityChains;

	@Autowired
	CsrfTokenRepository csrfTokens;

	@Autowired
	PetitionDirectory petitions;

	Chromium chromium;

	Browser browser;

	@BeforeAll
	void launch() {
		this.chromium = Chromium.launch();
		this.browser = this.chromium.browser();
	}

	@AfterAll
	void close() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aCaseworkerRecordsASecondPublishesAndThePublicSeesOnlyThePseudonym() {
		// MockMvc's csrf() in other tests of this shared context swaps the token
		// repository; real browsers need the application's own.
		this.securityChains.stream()
			.flatMap(chain -> chain.getFilters().stream())
			.filter(CsrfFilter.class::isInstance)
			.forEach(filter -> ReflectionTestUtils.setField(filter, "tokenRepository", this.csrfTokens));
		account("first.caseworker@example.org");
		account("reviewing.caseworker@example.org");
		PetitionDirectory.PetitionSummary petition = this.petitions.demoCampaign().orElseThrow();
		String base = "http://localhost:" + this.port;

		Page first = signIn(base, "first.caseworker@example.org");
		first.navigate(base + "/admin");
		first.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Case files")).click();
		first.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New case")).click();
		first.getByLabel("Pseudonym").fill("Ms L.");
		first.getByLabel("Situation").selectOption("DETAINED");
		first.getByLabel("The story as it may be told").fill("Held in a border city since the summer.");
		first.getByLabel(petition.title(), new Page.GetByLabelOptions().setExact(true)).check();
		first.getByLabel("Real name").fill(REAL_NAME);
		first.getByLabel("Caseworker's notes").fill("Spoke with her sister.");
		first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(first.locator("h1")).containsText("Ms L.");
		assertThat(first.locator("main")).containsText("(sealed)");
		assertThat(first.content()).doesNotContain(REAL_NAME);
		String casePage = first.url();
		first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for publication")).click();
		assertThat(first.locator("main")).containsText("another staff member must approve it");
		assertThat(first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and publish")))
			.hasCount(0);

		Page second = signIn(base, "reviewing.caseworker@example.org");
		second.navigate(casePage);
		second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and publish")).click();
		assertThat(second.locator(".notice.success")).isVisible();

		Page visitor = this.browser.newContext().newPage();
		visitor.navigate(base + "/cases");
		visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ms L.")).click();
		assertThat(visitor.locator("h1")).hasText("Ms L.");
		assertThat(visitor.locator("main")).containsText("Held in a border city");
		assertThat(visitor.content()).doesNotContain(REAL_NAME);
		visitor.navigate(base + "/petitions/" + petition.id());
		Locator speaksFor = visitor.locator(".speaks-for");
		assertThat(speaksFor).containsText("Speaks for:");
		assertThat(speaksFor.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ms L."))).isVisible();
		assertThat(visitor.content()).doesNotContain(REAL_NAME);

		first.navigate(casePage);
		first.locator("form[action$='/reveal']").getByLabel("Real name").check();
		first.getByLabel("Reason").first().fill("Preparing the letter to her lawyer");
		first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open with this reason")).click();
		assertThat(first.locator("td.revealed")).hasText(REAL_NAME);
		assertThat(this.jdbc
			.sql("select outcome from staff_audit where action = 'protected.read' and actor = ? order by id desc "
					+ "limit 1")
			.param("first.caseworker@example.org")
			.query(String.class)
			.single()).isEqualTo("Preparing the letter to her lawyer");
	}

	private Page signIn(String base, String email) {
		BrowserContext context = this.browser.newContext();
		Page page = context.newPage();
		page.navigate(base + "/login");
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		page.waitForURL(url -> !url.contains("/login"));
		return page;
	}

	private void account(String email) {
		this.jdbc.sql("delete from staff_account where email = ?").param(email).update();
		this.jdbc.sql("""
				insert into staff_account (email, display_name, password_hash, roles)
				values (?, 'Caseworker', ?, array['CASEWORKER'])""")
			.params(email, this.encoder.encode(PASSWORD))
			.update();
	}

}
