package org.safepassage.petitions.signing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.Chromium;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A supporter signs and confirms through the real pages in Chromium, reading the link
 * from a real mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	PetitionRepository repository;

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
	void aSupporterSignsConfirmsAndSeesTheCountGoUp() throws Exception {
		long id = Petitions.openPetition(repository, "Safe passage for those who fled");
		Page page = browser.newPage();
		String base = "http://localhost:" + port;
		page.navigate(base + "/petitions/" + id);
		assertThat(page.locator("h1")).hasText("Safe passage for those who fled");
		assertThat(page.locator(".big-count strong")).hasText("0");

		page.getByLabel("Your name").fill("이수진");
		page.getByLabel("Your email address").fill("sujin@example.org");
		page.getByLabel("Country where you live").selectOption("KR");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign the petition")).click();
		assertThat(page.locator("h1")).hasText("Check your email");

		await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length >= 1);
		MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> GreenMailUtil.getAddressList(SigningIntegrationTest.uncheck(m)).contains("sujin@example.org"))
			.findFirst()
			.orElseThrow();
		Matcher link = SigningIntegrationTest.CONFIRM_LINK.matcher(MailParts.text(mail));
		assertThat(link.find()).isTrue();
		String confirmPath = link.group().replaceFirst("http://[^/]+", "");

		page.navigate(base + confirmPath);
		assertThat(page.locator("h1")).hasText("Confirm your signature");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my signature")).click();
		assertThat(page.locator(".notice.success")).containsText("your signature is confirmed");
		// htmx polls the counter; without a reload the page shows the new count within 2
		// seconds.
		assertThat(page.locator(".big-count strong")).hasText("1",
				new LocatorAssertions.HasTextOptions().setTimeout(2000));
	}

	@Test
	void invalidInputIsShownNextToTheFieldsWithValuesKept() {
		long id = Petitions.openPetition(repository, "Browser validation");
		Page page = browser.newPage();
		page.navigate("http://localhost:" + port + "/petitions/" + id);
		page.getByLabel("Your name").fill("王芳");
		page.getByLabel("Your email address").fill("wang-at-example");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign the petition")).click();
		assertThat(page.locator(".field-errors").first()).isVisible();
		assertThat(page.getByLabel("Your name")).hasValue("王芳");
		assertThat(page.getByLabel("Your email address")).hasValue("wang-at-example");
		assertThat(page.locator("text=Please choose a country from the list.")).isVisible();
	}

}
