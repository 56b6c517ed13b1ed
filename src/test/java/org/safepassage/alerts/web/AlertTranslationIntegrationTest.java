package org.safepassage.alerts.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.alerts.demo.AlertDemo;
import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15: the demo alerts read in Korean and Chinese; a field not yet translated is
 * shown as written, marked with its language, under a note; staff pages keep the
 * original.
 */
class AlertTranslationIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentTranslations translations;

	@Autowired
	AlertRepository alerts;

	long published(String title, String language, String body) {
		return alerts.save(Alert.archived(new AlertContent(AlertKind.NEWS, title, LocalDate.now(clock), language, null,
				null, body, List.of(), List.of(), List.of()), clock.instant(), "test"));
	}

	@Test
	void theKoreanListAndFeedHoldAlertsWrittenInKoreanAndThoseCompletelyTranslatedIntoIt() throws Exception {
		Locale ko = Locale.forLanguageTag("ko");
		published("한국어로 쓴 소식", "ko", "한국어 본문");
		long translated = published("News translated into Korean", "en", "English body");
		translations.save(AlertContent.TRANSLATION_KIND, translated, "title", ko, "한국어로 번역된 소식", "test");
		translations.save(AlertContent.TRANSLATION_KIND, translated, "body", ko, "번역된 본문", "test");
		long half = published("News half translated", "en", "English body");
		translations.save(AlertContent.TRANSLATION_KIND, half, "title", ko, "제목만 번역된 소식", "test");
		published("News not translated", "en", "English body");

		mvc.perform(get("/ko/alerts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("한국어로 쓴 소식")))
			.andExpect(content().string(containsString("한국어로 번역된 소식")))
			.andExpect(content().string(not(containsString("제목만 번역된 소식"))))
			.andExpect(content().string(not(containsString("News not translated"))))
			.andExpect(content().string(not(containsString("아직 한국어로 번역되지 않아"))));
		mvc.perform(get("/alerts/feed/ko.atom"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("한국어로 쓴 소식")))
			.andExpect(content().string(containsString("한국어로 번역된 소식")))
			.andExpect(content().string(containsString("번역된 본문")))
			.andExpect(content().string(not(containsString("제목만 번역된 소식"))));
		// The English list read in Korean: translated where it is, the rest as written
		// under a note.
		mvc.perform(get("/ko/alerts").param("language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("News not translated")))
			.andExpect(content().string(containsString("제목만 번역된 소식")))
			.andExpect(content().string(containsString("아직 한국어로 번역되지 않아")));
		// English readers are not shown what was written in Korean.
		mvc.perform(get("/alerts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("News not translated")))
			.andExpect(content().string(not(containsString("한국어로 쓴 소식"))));
	}

	long demoAlert(String title) {
		return jdbc.sql("select id from alert where title = ?").param(title).query(Long.class).single();
	}

	@Test
	void theDemoPrayerAlertReadsInKoreanAndTheOriginalStaysInEnglish() throws Exception {
		long id = demoAlert(AlertDemo.PRAYER_TITLE);
		mvc.perform(get("/alerts/{id}", id).header("Accept-Language", "ko"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"ko\"")))
			.andExpect(content().string(containsString("중국에서 강제 북송된 북한 주민들을 위해 기도해 주십시오")))
			.andExpect(content().string(containsString("시편 16:1")))
			.andExpect(content().string(not(containsString(AlertDemo.PRAYER_TITLE))))
			.andExpect(content().string(not(containsString("아직 한국어로 번역되지 않아"))));
		mvc.perform(get("/alerts").header("Accept-Language", "zh-Hant"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("為被中國遣返的北韓人禱告")));
		mvc.perform(get("/alerts/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andExpect(content().string(containsString(AlertDemo.PRAYER_TITLE)))
			.andExpect(content().string(not(containsString("Not yet translated"))));
	}

	@Test
	void anUntranslatedBodyIsShownAsWrittenWithANote() throws Exception {
		long id = demoAlert(AlertDemo.NEWS_TITLE);
		String body = translations.of(AlertContent.TRANSLATION_KIND, id, Locale.forLanguageTag("zh-Hans")).get("body");
		translations.save(AlertContent.TRANSLATION_KIND, id, "body", Locale.forLanguageTag("zh-Hans"), "", "test");
		try {
			mvc.perform(get("/alerts/{id}", id).header("Accept-Language", "zh-Hans"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("600人被遣返朝鲜")))
				.andExpect(content().string(containsString("<div class=\"body\" lang=\"en\">")))
				.andExpect(content().string(containsString("Open Doors reports that China")))
				.andExpect(content().string(containsString("此内容尚未译成简体中文")));
		}
		finally {
			translations.save(AlertContent.TRANSLATION_KIND, id, "body", Locale.forLanguageTag("zh-Hans"), body,
					"test");
		}
	}

}
