package org.safepassage.booklets.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.Chromium;
import org.safepassage.IntegrationTest;
import org.safepassage.booklets.BookletFixtures;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A new supporter with JavaScript off orders the demo booklet from the navigation: fixes
 * a mistake the form points out, confirms through the mailed link's button, and the order
 * waits on the staff's list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderABookletBrowserTest extends IntegrationTest {

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@LocalServerPort
	int port;

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

	@Test
	void aSupporterOrdersTheDemoBookletWithJavaScriptOff() throws Exception {
		String base = "http://localhost:" + port;
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = context.newPage();
			page.navigate(base + "/");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Free resources")).first().click();
			page.getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName("Thirty Days of Prayer for North Koreans Seeking Refuge"))
				.click();
			assertThat(page.locator("img.cover")).isVisible();
			page.getByLabel("Copies", EXACT).selectOption("2");
			page.getByLabel("Language", EXACT).selectOption("ko");
			page.getByLabel("Your name", EXACT).fill("Seo-yeon Example");
			page.getByLabel("Address line 1", EXACT).fill("7 Example Gil");
			page.getByLabel("Town or city", EXACT).fill("Busan");
			page.getByLabel("Postcode or ZIP code", EXACT).fill("48058");
			page.getByLabel("Email", EXACT).fill("seoyeon.browser@example.org");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Order free copies")).click();

			// No country chosen: the form says so beside the field and keeps the rest.
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct the fields marked below.");
			assertThat(page.locator("#country-errors")).containsText("Please choose a country from the list.");
			assertThat(page.getByLabel("Your name", EXACT)).hasValue("Seo-yeon Example");
			page.getByLabel("Country", EXACT).selectOption("KR");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Order free copies")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email")))
				.isVisible();

			MimeMessage mail = BookletFixtures.await(MAIL, "seoyeon.browser@example.org", 1);
			String token = BookletFixtures.confirmToken(mail);
			page.navigate(base + "/resources/confirm?token=" + token);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my order")).click();
			assertThat(page.getByRole(AriaRole.HEADING)).containsText("your order is confirmed");
		}
		assertThat(jdbc
			.sql("select status || ' ' || quantity || ' ' || language || ' ' || country from booklet_order "
					+ "where email = 'seoyeon.browser@example.org'")
			.query(String.class)
			.single()).isEqualTo("CONFIRMED 2 ko KR");
	}

}
