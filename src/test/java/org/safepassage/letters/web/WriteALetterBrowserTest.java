package org.safepassage.letters.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.Chromium;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.letters.LetterFixtures;
import org.safepassage.letters.LetterMailbox;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.Representative;
import org.safepassage.letters.sending.LetterRelease;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "done when", as a new user: from the home page to the letter campaign, the
 * postcode EH99 1SP, a letter to the Scottish Parliament member, the mailed link, and the
 * letter at the SMTP server with Reply-To the supporter; the campaign page shows the
 * parliamentary record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteALetterBrowserTest extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	LetterRelease release;

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
	void outboxDelivered() {
		LetterFixtures.awaitOutboxDelivered(jdbc);
	}

	@Test
	void aSupporterWritesToTheirScottishParliamentMemberFromTheHomePage() throws Exception {
		Representative msp = directory.forPostcode("EH99 1SP", List.of("scottish-parliament")).getFirst();
		String base = "http://localhost:" + port;
		Page page = browser.newPage();
		page.navigate(base + "/");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write to your MP")).click();
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Ask your representatives to raise the forced returns"))
			.click();
		assertThat(page.locator(".parliamentary-record")).containsText("Motion tabled");
		assertThat(page.locator(".parliamentary-record")).containsText("Backbench Business");

		page.getByLabel("Your postcode").fill("EH99 1SP");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find my representatives")).click();
		page.getByLabel(msp.name(), new Page.GetByLabelOptions().setExact(false)).check();
		assertThat(page.getByLabel("Your letter")).hasValue(Pattern.compile("^Dear \\{representative\\},"));
		page.getByLabel("Your name").fill("Min-jun Sample");
		page.getByLabel("Your postal address").fill("3 Sample Close");
		page.getByLabel("Town or city").fill("Edinburgh");
		page.getByLabel("Your email address").fill("minjun.browser@example.org");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my letter")).click();
		assertThat(page.locator("h1")).hasText("Check your email");

		MimeMessage confirm = LetterMailbox.awaitMail(MAIL, "minjun.browser@example.org", 1);
		page.navigate(base + LetterMailbox.path(confirm, LetterMailbox.CONFIRM_LINK));
		assertThat(page.locator("h1")).hasText("Send your letter");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my letter")).click();
		assertThat(page.locator(".outcomes")).containsText("Your letter to " + msp.name() + " is on its way");

		int received = LetterMailbox.to(MAIL, msp.email()).size();
		new LetterFixtures(null, null, null, null, null, null, jdbc).stepPastLettersTo(clock, msp.id());
		release.release();
		MimeMessage letter = LetterMailbox.awaitMail(MAIL, msp.email(), received + 1);
		assertThat(((InternetAddress) letter.getReplyTo()[0]).getAddress()).isEqualTo("minjun.browser@example.org");
		assertThat(MailParts.text(letter).replace("\r\n", "\n"))
			.startsWith("Min-jun Sample\n3 Sample Close\nEdinburgh\nEH99 1SP")
			.contains("Dear " + msp.name());
	}

}
