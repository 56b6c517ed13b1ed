package org.safepassage.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 15: an alert written in Korean (Korean church staff write them) is translated
 * into every other language, English included, never into Korean; English subscribers get
 * it in English once it is completely translated, Korean ones in Korean, each once;
 * English readers find it in the English archive and feed, translated, or the Korean
 * original marked as such while it is not. Content written in English is translated as
 * before.
 */
class WrittenInKoreanIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor STAFF = user("campaigner@example.org").roles("CAMPAIGNER");

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertSender sender;

	@Autowired
	AlertLifecycle lifecycle;

	@Autowired
	ContentTranslations translations;

	@Autowired
	PetitionRepository petitions;

	final SenderControl control = new SenderControl();

	@BeforeEach
	void steerTheSender() {
		sender.hooks(control);
		control.stop();
	}

	@AfterEach
	void senderRunsAgain() {
		sender.hooks(SenderHooks.NONE);
	}

	/** A confirmed subscriber who wants prayer alerts, in a language. */
	String subscriber(String language) {
		return ConfirmedSubscribers.add(jdbc, "written", language, "PRAYER");
	}

	long koreanAlert(String title) {
		return lifecycle.create(
				new AlertContent(AlertKind.PRAYER, title, LocalDate.now(clock), "ko", null, null,
						title + " 위해 함께 기도해 주십시오.", List.of("강제 북송이 멈추도록", "구금된 이들의 안전을 위해"), List.of(), List.of()),
				"test");
	}

	/** Translates through the staff page, as staff do. */
	void translateIntoEnglish(long id, String title) throws Exception {
		mvc.perform(post("/admin/translations/alert/{id}", id).with(STAFF)
			.with(csrf())
			.param("en.title", title)
			.param("en.body", "Please pray with us for " + title + ".")
			.param("en.points", "That forced returns stop\nFor the safety of those detained"))
			.andExpect(redirectedUrl("/admin/translations/alert/" + id));
	}

	String html(String path, Object... vars) throws Exception {
		return mvc.perform(get(path, vars).with(STAFF))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String publicHtml(String path, Object... vars) throws Exception {
		return mvc.perform(get(path, vars)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	String state(long id) {
		return jdbc.sql("select state from alert where id = ?").param(id).query(String.class).single();
	}

	void send(long id) {
		lifecycle.schedule(id, clock.instant());
		runSenderUntilSent(id);
	}

	void runSenderUntilSent(long id) {
		control.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(state(id)));
		control.stop();
	}

	@Test
	void aKoreanAlertTranslatedIntoEnglishReachesEachSubscriberInTheirLanguageOnce() throws Exception {
		String english = subscriber("en");
		String korean = subscriber("ko");
		String chinese = subscriber("zh-Hans");
		long id = koreanAlert("탈북 난민들");

		// The staff page offers English and both Chinese, and not Korean.
		String staffPage = html("/admin/translations/alert/{id}", id);
		assertThat(staffPage).contains("name=\"en.title\"")
			.contains("name=\"zh-Hans.title\"")
			.contains("name=\"zh-Hant.points\"")
			.doesNotContain("name=\"ko.title\"")
			.contains("Written in 한국어")
			.contains("<blockquote lang=\"ko\" class=\"original\"><p>탈북 난민들</p>");

		// A "translation" into its own language is refused with a message, and nothing
		// of that request is saved.
		String refused = mvc
			.perform(post("/admin/translations/alert/{id}", id).with(STAFF)
				.with(csrf())
				.param("ko.title", "다른 제목")
				.param("en.title", "Not saved"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("This is written in 한국어, so it cannot be translated into 한국어.")
			.contains("Not saved");
		assertThat(translations.current(AlertContent.TRANSLATION_KIND, id)).isEmpty();
		assertThatThrownBy(
				() -> translations.save(AlertContent.TRANSLATION_KIND, id, "title", Locale.KOREAN, "다른 제목", "test"))
			.isInstanceOf(IllegalArgumentException.class);

		translateIntoEnglish(id, "North Korean refugees");
		assertThat(html("/admin/alerts/{id}", id)).contains("data-language=\"ko\" data-status=\"ORIGINAL\"")
			.contains("data-language=\"en\" data-status=\"TRANSLATED\"")
			.contains("data-language=\"zh-Hans\" data-status=\"NOT_TRANSLATED\"")
			.doesNotContain("UNTRANSLATABLE");

		send(id);
		MimeMessage inEnglish = AlertMailbox.await(MAIL, english, 1);
		assertThat(inEnglish.getSubject()).isEqualTo("Prayer alert: North Korean refugees");
		assertThat(MailParts.text(inEnglish)).contains("Please pray with us for North Korean refugees.")
			.contains("- That forced returns stop")
			.doesNotContain("기도해")
			.doesNotContain("/ko/");
		MimeMessage inKorean = AlertMailbox.await(MAIL, korean, 1);
		assertThat(inKorean.getSubject()).endsWith("탈북 난민들");
		assertThat(MailParts.text(inKorean)).contains("탈북 난민들 위해 함께 기도해 주십시오.")
			.contains("/ko/alerts/" + id)
			.doesNotContain("Please pray");
		assertThat(AlertMailbox.to(MAIL, chinese)).as("not translated into Simplified Chinese").isEmpty();
		// Another round of the sender mails nobody again.
		int rounds = control.rounds();
		control.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> control.rounds() >= rounds + 2);
		control.stop();
		assertThat(AlertMailbox.to(MAIL, english)).hasSize(1);
		assertThat(AlertMailbox.to(MAIL, korean)).hasSize(1);

		// English readers get the translation, with no note; Korean ones the original.
		String englishPage = publicHtml("/alerts/{id}", id);
		assertThat(englishPage).contains("<h1>North Korean refugees</h1>")
			.contains("That forced returns stop")
			.doesNotContain("Not yet translated")
			.doesNotContain("기도해");
		assertThat(publicHtml("/ko/alerts/{id}", id)).contains("탈북 난민들 위해 함께 기도해 주십시오.");
		assertThat(publicHtml("/alerts?language=en")).contains("North Korean refugees");
		assertThat(publicHtml("/alerts/feed/en.atom")).contains("North Korean refugees");
	}

	@Test
	void englishGoesLaterOnceTranslatedAndTheEnglishPageShowsTheKoreanUntilThen() throws Exception {
		String english = subscriber("en");
		String korean = subscriber("ko");
		long id = koreanAlert("구금된 이들");
		send(id);
		assertThat(AlertMailbox.await(MAIL, korean, 1).getSubject()).endsWith("구금된 이들");
		assertThat(AlertMailbox.to(MAIL, english)).as("no English yet: not mailed").isEmpty();
		assertThat(html("/admin/alerts/{id}", id)).contains("data-language=\"en\" data-status=\"MISSED\"")
			.doesNotContain("/languages/en");

		// Untranslated: the English page shows the Korean, marked as Korean, with the
		// note; the English archive and feed do not list it.
		String untranslated = publicHtml("/alerts/{id}", id);
		assertThat(untranslated).contains("<h1 lang=\"ko\">구금된 이들</h1>")
			.contains("Not yet translated into this language");
		assertThat(publicHtml("/alerts?language=en")).doesNotContain("구금된 이들");
		assertThat(publicHtml("/alerts/feed/en.atom")).doesNotContain("구금된 이들");

		translateIntoEnglish(id, "Those detained");
		assertThat(html("/admin/alerts/{id}", id)).contains("data-language=\"en\" data-status=\"READY\"")
			.contains("Send in English now");
		mvc.perform(post("/admin/alerts/{id}/languages/en", id).with(csrf()).with(STAFF))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", true));
		runSenderUntilSent(id);
		MimeMessage inEnglish = AlertMailbox.await(MAIL, english, 1);
		assertThat(inEnglish.getSubject()).isEqualTo("Prayer alert: Those detained");
		assertThat(MailParts.text(inEnglish)).contains("Please pray with us for Those detained.");

		// Once per language and once per subscriber: a second press sends nothing.
		mvc.perform(post("/admin/alerts/{id}/languages/en", id).with(csrf()).with(STAFF))
			.andExpect(flash().attribute("ruleError", "alerts.rule.languageAlreadySent"));
		assertThat(AlertMailbox.to(MAIL, english)).hasSize(1);
		assertThat(AlertMailbox.to(MAIL, korean)).hasSize(1);
		assertThat(html("/admin/alerts/{id}", id)).contains("data-language=\"en\" data-status=\"SENT\"");
		assertThat(publicHtml("/alerts/{id}", id)).contains("<h1>Those detained</h1>")
			.doesNotContain("Not yet translated");
		assertThat(publicHtml("/alerts?language=en")).contains("Those detained");
	}

	@Test
	void contentWrittenInEnglishIsStillTranslatedIntoTheOtherLanguagesOnly() throws Exception {
		long petition = Petitions.openPetition(petitions, "Written in English");
		assertThat(translations.languagesOf("petition", petition)).extracting(Locale::toLanguageTag)
			.containsExactly("ko", "zh-Hans", "zh-Hant");
		assertThat(html("/admin/translations/petition/{id}", petition)).contains("name=\"ko.title\"")
			.doesNotContain("name=\"en.title\"")
			.contains("Written in English");
		assertThatThrownBy(() -> translations.save("petition", petition, "title", Locale.ENGLISH, "x", "test"))
			.isInstanceOf(IllegalArgumentException.class);
		mvc.perform(post("/admin/translations/petition/{id}", petition).with(STAFF)
			.with(csrf())
			.param("en.title", "A translation into its own language")).andExpect(status().isBadRequest());
		assertThat(translations.current("petition", petition)).isEmpty();

		// An English alert: into Korean and Chinese, not English.
		long alert = lifecycle.create(new AlertContent(AlertKind.PRAYER, "In English", LocalDate.now(clock), "en", null,
				null, "Body", List.of(), List.of(), List.of()), "test");
		assertThat(translations.languagesOf(AlertContent.TRANSLATION_KIND, alert)).extracting(Locale::toLanguageTag)
			.containsExactly("ko", "zh-Hans", "zh-Hant");
	}

}
