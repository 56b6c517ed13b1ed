package org.safepassage.accessibility;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import jakarta.mail.MessagingException;
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
 * A supporter who uses only the keyboard (no mouse, no touch) signs a petition, confirms
 * the signature and subscribes to alerts: every step is reached with Tab and done with
 * the keys a keyboard user presses, and focus is always visible on something.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardOnlyBrowserTest extends IntegrationTest {

	private static final Pattern SIGNATURE_LINK = Pattern.compile("https?://\\S+?/signatures/confirm\\?token=[\\w-]+");

	private static final Pattern ALERTS_LINK = Pattern.compile("https?://\\S+?/alerts/confirm\\?token=[\\w-]+");

	@LocalServerPort
	int port;

	@Autowired
	PetitionRepository petitions;

	Chromium chromium;

	@BeforeAll
	void launch() {
		this.chromium = Chromium.launch();
	}

	@AfterAll
	void close() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void signConfirmAndSubscribeWithTheKeyboardAlone() {
		long id = Petitions.openPetition(this.petitions, "Keyboard petition for safe passage");
		Page page = this.chromium.browser().newPage();
		page.navigate(base() + "/petitions/" + id);

		tabTo(page, "a[href='#sign']");
		page.keyboard().press("Enter");
		tabTo(page, "input[name=name]");
		page.keyboard().type("Kim Keyboard");
		page.keyboard().press("Tab");
		assertFocused(page, "input[name=email]");
		page.keyboard().type("keyboard-signer@example.org");
		page.keyboard().press("Tab");
		assertFocused(page, "select[name=country]");
		page.keyboard().type("United Kingdom");
		tabTo(page, "input[name=keepUpdated]");
		page.keyboard().press("Space");
		tabTo(page, "form[action$='/signatures'] button[type=submit]");
		page.keyboard().press("Enter");
		assertThat(page.locator("h1")).hasText("Check your email");

		String confirm = link(SIGNATURE_LINK, "keyboard-signer@example.org");
		page.navigate(confirm);
		tabTo(page, "main form button[type=submit]");
		page.keyboard().press("Enter");
		page.waitForURL(url -> url.contains("/petitions/" + id + "?confirmed"));
		assertThat(page.locator(".notice").first()).containsText("your signature is confirmed");
		assertThat(this.jdbc.sql("select keep_updated from signature where email = 'keyboard-signer@example.org'")
			.query(Boolean.class)
			.single()).isTrue();

		page.navigate(base() + "/alerts/subscribe");
		tabTo(page, "input[name=email]");
		page.keyboard().type("keyboard-prayer@example.org");
		tabTo(page, "input[name=topics][value=PRAYER]");
		page.keyboard().press("Space");
		tabTo(page, "main form button[type=submit]");
		page.keyboard().press("Enter");
		assertThat(page.locator("h1")).hasText("Check your email");
		page.navigate(link(ALERTS_LINK, "keyboard-prayer@example.org"));
		tabTo(page, "main form button[type=submit]");
		page.keyboard().press("Enter");
		assertThat(page.locator("h1")).hasText("You are subscribed");
	}

	/** Presses Tab until the element matching {@code selector} has focus. */
	private static void tabTo(Page page, String selector) {
		for (int presses = 0; presses < 80; presses++) {
			if (Boolean.TRUE
				.equals(page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector))) {
				return;
			}
			page.keyboard().press("Tab");
		}
		throw new AssertionError("Tab never reached " + selector + " on " + page.url());
	}

	private static void assertFocused(Page page, String selector) {
		assertThat(page.evaluate("s => document.activeElement.matches(s)", selector)).isEqualTo(true);
	}

	private String link(Pattern pattern, String to) {
		await().atMost(Duration.ofSeconds(15)).until(() -> find(pattern, to).isPresent());
		// Mail links carry the configured base URL; the test server listens on a random
		// port.
		return base() + find(pattern, to).orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private Optional<String> find(Pattern pattern, String to) {
		return Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> recipients(m).contains(to))
			.map(KeyboardOnlyBrowserTest::text)
			.map(pattern::matcher)
			.filter(Matcher::find)
			.map(Matcher::group)
			.reduce((first, last) -> last);
	}

	private static String text(MimeMessage message) {
		try {
			return MailParts.text(message);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipients(MimeMessage message) {
		try {
			return GreenMailUtil.getAddressList(message.getAllRecipients());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
