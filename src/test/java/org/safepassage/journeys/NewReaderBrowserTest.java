package org.safepassage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.APIResponse;
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
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.Representative;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Issue 15's "done when", tried as a new reader would with a Korean browser (and, more
 * briefly, a Traditional Chinese one from Taiwan): starting at "/" with no language in
 * the address, only the browser's Accept-Language, they read the demo petition, sign it
 * (a mistake first), confirm from the mail, subscribe to alerts, open the letter
 * campaign's writing page, order the booklet and search the evidence with a Chinese word.
 * Every page and mail on the way is read for English sentences ({@link ReadableIn}); the
 * Korean pages behind forms, which the crawling accessibility test cannot reach, are run
 * through axe-core too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewReaderBrowserTest extends IntegrationTest {

	static final String KO_PETITION = "중국으로 탈출한 북한 주민을 난민으로 인정하십시오";

	static final String ZH_HANT_PETITION = "承認逃往中國的北韓人為難民";

	static final String KO_CAMPAIGN = "지역구 의원에게 강제 북송 문제를 제기해 달라고 요청하세요";

	static final String KO_BOOKLET = "피난처를 찾는 북한 주민을 위한 30일 기도";

	/** Names of the demo's sources, spelled in Latin letters in every language. */
	static final String[] SOURCES = { "Human Rights Watch", "Open Doors UK & Ireland", "Christian Solidarity Worldwide",
			"Release International" };

	/**
	 * English shown unmarked in Korean and Chinese pages that is being fixed elsewhere
	 * (issue 15, the "search and linked titles" change): titles of linked records on the
	 * petition and campaign pages, and the parliamentary record fetched by the petition
	 * page, which names campaigns as staff see them (so its entries are not marked as
	 * English there, as they are on the campaign page). Take a line out once the original
	 * is marked with its language or translated; this test then keeps it so.
	 */
	static final String[] OWNED_ELSEWHERE = { "Ask your representatives to raise the forced returns",
			"A member of the Scottish Parliament", "All-Party Parliamentary Group on North Korea",
			"A motion was tabled asking the Scottish Parliament to debate China's return of North Korean refugees after the returns of",
			"The group's co-secretariat, an escapee who was once returned himself, wrote to MPs asking them to raise the returns in Parliament and to urge the Government to seek talks with China so that those still detained can leave for third countries",
			"A Backbench Business debate on the returns was sought in the Commons; supporters were asked to pray that it is granted and heard",
			"Scottish Parliament", "House of Commons", "Recognise North Koreans who have fled to China as refugees",
			"Pray for North Koreans sent back from China", "returned to North Korea: MPs asked to act",
			"Hundreds of North Koreans returned from China overnight", "A member of the",
			"A motion was tabled asking the", "to debate China's return of North Korean refugees after the returns of",
			"debate on the returns was sought in the Commons; supporters were asked to pray that it is granted and heard" };

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	static final Locator.GetByLabelOptions MAIN_EXACT = new Locator.GetByLabelOptions().setExact(true);

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Autowired
	Directory directory;

	Chromium chromium;

	String axe;

	@BeforeAll
	void launch() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.chromium = Chromium.launch();
	}

	@AfterAll
	void close() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aKoreanBrowserGetsEverythingInKorean() throws Exception {
		Reader ko = new Reader(Locale.forLanguageTag("ko"), this.messages, this.axe);
		try (BrowserContext context = context("ko-KR", "ko-KR,ko;q=0.9")) {
			Page page = context.newPage();
			signTheDemoPetition(ko, page, context, KO_PETITION, "김하늘", "haneul.journey@example.org");
			subscribeToAlerts(ko, page, "haneul.alerts@example.org");
			openTheLetterWritingPage(ko, page);
			orderTheBooklet(ko, page, "haneul.booklet@example.org");
		}
		ko.assertReadable(14);
	}

	@Test
	void aBrowserInTaiwanGetsTraditionalChinese() throws Exception {
		// The same templates as the Korean walk, which runs them through axe-core.
		Reader zh = new Reader(Locale.forLanguageTag("zh-Hant"), this.messages, null);
		try (BrowserContext context = context("zh-TW", "zh-TW,zh;q=0.9,en;q=0.5")) {
			Page page = context.newPage();
			signTheDemoPetition(zh, page, context, ZH_HANT_PETITION, "林美玲", "meiling.journey@example.org");
		}
		zh.assertReadable(6);
	}

	/**
	 * A Korean reader looks for the night of 9 October 2023 with the words of its
	 * Simplified Chinese translation, and finds the incident, titled in Korean.
	 */
	@Test
	void aChineseSearchTermFindsTheIncidentThatContainsIt() {
		Reader ko = new Reader(Locale.forLanguageTag("ko"), this.messages, this.axe);
		try (BrowserContext context = context("ko-KR", "ko-KR,ko;q=0.9")) {
			Page page = context.newPage();
			page.navigate(base() + "/");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ko.t("nav.evidence")).setExact(true))
				.first()
				.click();
			page.getByLabel(ko.t("evidence.filter.q"), EXACT).fill("一夜之间");
			page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName(ko.t("evidence.filter.submit")).setExact(true))
				.click();
			assertThat(page.getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName("하룻밤 새 북한 주민 수백 명 중국에서 송환").setExact(true)))
				.isVisible();
			ko.checkPage(page, "evidence search", names(SOURCES, OWNED_ELSEWHERE));
		}
		ko.assertReadable(1);
	}

	private BrowserContext context(String locale, String acceptLanguage) {
		return this.chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale(locale)
				.setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage))
				.setBypassCSP(true));
	}

	/**
	 * From "/" to the demo petition (on whichever page of the list other tests' petitions
	 * have pushed it), its card and share links, a signature with a mistake first, the
	 * confirmation mail, its page's button and the thanks.
	 */
	private void signTheDemoPetition(Reader reader, Page page, BrowserContext context, String title, String name,
			String email) throws Exception {
		page.navigate(base() + "/");
		reader.readPage(page, "home");
		Locator demo = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true));
		for (int more = 0; more < 50 && demo.count() == 0; more++) {
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reader.t("pager.next")).setExact(true))
				.click();
		}
		demo.first().click();
		assertThat(page.locator("h1")).hasText(title);
		reader.readPage(page, "petition", names(SOURCES, OWNED_ELSEWHERE));

		// Sharing shows its card: og:image is a PNG, and the shared address is in the
		// reader's language.
		String image = page.locator("meta[property='og:image']").getAttribute("content");
		APIResponse card = context.request().get(base() + URI.create(image).getRawPath());
		assertThat(card.status()).isEqualTo(200);
		assertThat(card.headers().get("content-type")).isEqualTo("image/png");
		assertThat(card.body()).startsWith(0x89, 'P', 'N', 'G');
		assertThat(page.locator(".share-links a").count()).isGreaterThanOrEqualTo(3);
		assertThat(page.locator(".share-links a").first().getAttribute("href"))
			.contains("%2F" + reader.locale.toLanguageTag() + "%2Fpetitions%2F");

		// A mistake: the form says what is wrong in the reader's language and keeps what
		// was typed.
		page.getByLabel(reader.t("sign.name"), EXACT).fill(name);
		page.getByLabel(reader.t("sign.email"), EXACT).fill(email.replace("@", "-at-"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(reader.t("sign.submit")).setExact(true))
			.click();
		assertThat(page.getByRole(AriaRole.ALERT).first()).containsText(reader.t("form.hasErrors"));
		assertThat(page.locator("#email-errors")).containsText(reader.t("validation.email"));
		assertThat(page.locator("#country-errors")).containsText(reader.t("validation.country"));
		assertThat(page.getByLabel(reader.t("sign.name"), EXACT)).hasValue(name);
		reader.checkPage(page, "signing with mistakes", names(SOURCES, OWNED_ELSEWHERE));

		page.getByLabel(reader.t("sign.email"), EXACT).fill(email);
		page.getByLabel(reader.t("sign.country"), EXACT).selectOption("KR");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(reader.t("sign.submit")).setExact(true))
			.click();
		assertThat(page.locator("h1")).hasText(reader.t("sign.checkEmail.title"));
		reader.checkPage(page, "check your email");

		String mail = reader.mail(MAIL, email, 1, "signature confirmation", name);
		page.navigate(base() + Reader.path(mail, "/signatures/confirm"));
		assertThat(page.locator("h1")).hasText(reader.t("confirm.title"));
		reader.checkPage(page, "confirm the signature");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(reader.t("confirm.button")).setExact(true))
			.click();
		assertThat(page.locator(".notice.success")).containsText(reader.t("sign.confirmed"));
		assertThat(page).hasURL(Pattern.compile(reader.prefix + "/petitions/\\d+\\?confirmed"));
		reader.checkPage(page, "thanks", names(SOURCES, OWNED_ELSEWHERE));
	}

	private void subscribeToAlerts(Reader reader, Page page, String email) throws Exception {
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reader.t("nav.alerts")).setExact(true))
			.first()
			.click();
		reader.readPage(page, "alerts");
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName(reader.t("alerts.subscribe.link")).setExact(true))
			.first()
			.click();
		assertThat(page.locator("main").getByLabel(reader.t("alerts.form.language"), MAIN_EXACT))
			.hasValue(reader.locale.toLanguageTag());
		reader.readPage(page, "subscribe to alerts");
		page.getByLabel(reader.t("alerts.form.email"), EXACT).fill(email);
		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(reader.t("alerts.subscribe.button")).setExact(true))
			.click();
		reader.checkPage(page, "alerts: check your email");
		String mail = reader.mail(MAIL, email, 1, "alert subscription");
		page.navigate(base() + Reader.path(mail, "/alerts/confirm"));
		assertThat(page.locator("h1")).hasText(reader.t("alerts.confirm.title"));
		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(reader.t("alerts.confirm.button")).setExact(true))
			.click();
		assertThat(page.locator("h1")).hasText(reader.t("alerts.confirm.done.title"));
		reader.checkPage(page, "subscribed");
	}

	/**
	 * The demo campaign writes to UK representatives, in English by design (its guidance
	 * says so): the page around the letter is in the reader's language.
	 */
	private void openTheLetterWritingPage(Reader reader, Page page) {
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reader.t("nav.letters")).setExact(true))
			.first()
			.click();
		reader.readPage(page, "letter campaigns");
		// Other tests open campaigns too: the demo one, by its Korean title.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(KO_CAMPAIGN).setExact(true)).click();
		assertThat(page.locator("h1")).hasText(KO_CAMPAIGN);
		reader.readPage(page, "letter campaign", OWNED_ELSEWHERE);
		page.getByLabel(reader.t("letters.postcode"), EXACT).fill("EH99 1SP");
		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(reader.t("letters.postcode.find")).setExact(true))
			.click();
		assertThat(page.locator("h1")).isVisible();
		assertThat(page).hasURL(Pattern.compile(reader.prefix + "/letters/\\d+/write"));
		List<String> representatives = new ArrayList<>();
		for (Representative r : this.directory.forPostcode("EH99 1SP", List.of("uk-commons", "scottish-parliament"))) {
			representatives.addAll(List.of(r.name(), r.areaName(), r.bodyName()));
		}
		reader.checkPage(page, "writing a letter", names(representatives.toArray(String[]::new), OWNED_ELSEWHERE));
	}

	private void orderTheBooklet(Reader reader, Page page, String email) throws Exception {
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reader.t("nav.resources")).setExact(true))
			.first()
			.click();
		reader.readPage(page, "free resources");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(KO_BOOKLET).setExact(true)).click();
		assertThat(page.locator("h1")).hasText(KO_BOOKLET);
		reader.readPage(page, "the booklet");
		page.locator("main").getByLabel(reader.t("booklets.language"), MAIN_EXACT).selectOption("ko");
		page.getByLabel(reader.t("booklets.name"), EXACT).fill("김하늘");
		page.getByLabel(reader.t("booklets.line1"), EXACT).fill("부산광역시 해운대구 예시로 7");
		page.getByLabel(reader.t("booklets.town"), EXACT).fill("부산");
		page.getByLabel(reader.t("booklets.postcode"), EXACT).fill("48058");
		page.getByLabel(reader.t("booklets.country"), EXACT).selectOption("KR");
		page.getByLabel(reader.t("booklets.email"), EXACT).fill(email);
		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(reader.t("booklets.order.button")).setExact(true))
			.click();
		reader.checkPage(page, "booklet: check your email");
		String mail = reader.mail(MAIL, email, 1, "booklet order");
		assertThat(mail).contains(KO_BOOKLET);
		page.navigate(base() + Reader.path(mail, "/resources/confirm"));
		assertThat(page.locator("main")).containsText(KO_BOOKLET);
		reader.checkPage(page, "confirm the order");
		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(reader.t("booklets.confirm.button")).setExact(true))
			.click();
		assertThat(page.locator("h1")).hasText(reader.t("booklets.confirmed.title"));
		reader.checkPage(page, "order confirmed");
	}

	private static String[] names(String[] some, String[] more) {
		return Stream.concat(Stream.of(some), Stream.of(more)).toArray(String[]::new);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
