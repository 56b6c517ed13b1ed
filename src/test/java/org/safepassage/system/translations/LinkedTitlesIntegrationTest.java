package org.safepassage.system.translations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.alerts.demo.AlertDemo;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.letters.campaign.CampaignContent;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 15: a page that names another record (a petition's incidents, an alert's
 * petitions, a letter campaign's alerts, a case's links, the parliamentary record's
 * campaigns) names it in the reader's language where it is translated, and otherwise by
 * its original title marked with the original's language. Built on the demo campaign,
 * whose records are translated; a test that removes a translation puts it back.
 */
class LinkedTitlesIntegrationTest extends IntegrationTest {

	static final Locale KOREAN = Locale.forLanguageTag("ko");

	static final Locale TRADITIONAL = Locale.forLanguageTag("zh-Hant");

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentTranslations translations;

	@Autowired
	PetitionRepository petitionRepository;

	long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	long demoPetition() {
		return id("select id from petition where created_by = 'demo' order by id limit 1");
	}

	/** The demo incident every public page links to (the petition, alerts, campaign). */
	long linkedIncident() {
		return id("""
				select i.id from incident i join incident_petition l on l.incident_id = i.id
				where i.state = 'PUBLISHED' order by i.date_from desc, i.id desc limit 1""");
	}

	String page(String path, Object... variables) throws Exception {
		return mvc.perform(get(path, variables))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String translated(String kind, long id, Locale locale) {
		String title = translations.of(kind, id, locale).get("title");
		assertThat(title).as("the demo translates %s %d into %s", kind, id, locale).isNotBlank();
		return HtmlUtils.htmlEscape(title);
	}

	String original(String sql) {
		return HtmlUtils.htmlEscape(jdbc.sql(sql).query(String.class).single());
	}

	@Test
	void anAlertNamesItsPetitionAndIncidentsInTheReadersLanguage() throws Exception {
		long alert = id("select id from alert where title = '" + AlertDemo.NEWS_TITLE.replace("'", "''") + "'");
		long petition = demoPetition();
		long incident = linkedIncident();
		String korean = page("/ko/alerts/{id}", alert);
		assertThat(korean).contains("청원: <span>" + translated(PetitionContent.TRANSLATION_KIND, petition, KOREAN))
			.contains("<span>" + translated(IncidentContent.TRANSLATION_KIND, incident, KOREAN) + "</span>");

		String english = original("select title from incident where id = " + incident);
		String title = translations.of(IncidentContent.TRANSLATION_KIND, incident, KOREAN).get("title");
		translations.save(IncidentContent.TRANSLATION_KIND, incident, "title", KOREAN, "", "test");
		try {
			assertThat(page("/ko/alerts/{id}", alert)).contains("근거 자료: <span lang=\"en\">" + english + "</span>");
			// Read in English, nothing is marked.
			assertThat(page("/alerts/{id}", alert)).contains("Evidence: <span>" + english + "</span>");
		}
		finally {
			translations.save(IncidentContent.TRANSLATION_KIND, incident, "title", KOREAN, title, "test");
		}
	}

	@Test
	void aPetitionNamesItsIncidentsAndTheirSummariesInTheReadersLanguage() throws Exception {
		long petition = Petitions.openPetition(petitionRepository, "Linked titles test petition");
		long translated = incident("Linked titles: translated incident", "Its summary, translated.", petition);
		long untranslated = incident("Linked titles: untranslated incident", "Its summary, not translated.", petition);
		translations.save(IncidentContent.TRANSLATION_KIND, translated, "title", KOREAN, "번역된 사건 (연결 제목 시험)", "test");
		translations.save(IncidentContent.TRANSLATION_KIND, translated, "summary", KOREAN, "번역된 요약입니다.", "test");

		String korean = page("/ko/petitions/{id}", petition);
		assertThat(korean).contains("/evidence/incidents/" + translated + "\">번역된 사건 (연결 제목 시험)</a>")
			.contains("<p>번역된 요약입니다.</p>")
			.contains("/evidence/incidents/" + untranslated + "\" lang=\"en\">Linked titles: untranslated incident</a>")
			.contains("<p lang=\"en\">Its summary, not translated.</p>");
		// Read in English, nothing is marked.
		assertThat(page("/petitions/{id}", petition))
			.contains("/evidence/incidents/" + untranslated + "\">Linked titles: untranslated incident</a>");
	}

	long incident(String title, String summary, long petition) {
		long id = jdbc.sql("""
				insert into incident (kind, title, date_precision, date_from, date_to, place, place_precision,
				  departure_country, return_country, summary, state, created_by)
				values ('FORCED_REPATRIATION', ?, 'YEAR', date '2017-01-01', date '2017-12-31', 'Tumen', 'CITY',
				  'CN', 'KP', ?, 'PUBLISHED', 'test') returning id""")
			.params(title, summary)
			.query(Long.class)
			.single();
		jdbc.sql("insert into incident_petition (incident_id, petition_id) values (?, ?)")
			.params(id, petition)
			.update();
		return id;
	}

	@Test
	void anIncidentNamesItsPetitionsInTheReadersLanguage() throws Exception {
		long petition = demoPetition();
		long incident = linkedIncident();
		assertThat(page("/zh-Hant/evidence/incidents/{id}", incident))
			.contains("\">" + translated(PetitionContent.TRANSLATION_KIND, petition, TRADITIONAL) + "</a>");

		String english = original("select title from petition where id = " + petition);
		String title = translations.of(PetitionContent.TRANSLATION_KIND, petition, TRADITIONAL).get("title");
		translations.save(PetitionContent.TRANSLATION_KIND, petition, "title", TRADITIONAL, "", "test");
		try {
			assertThat(page("/zh-Hant/evidence/incidents/{id}", incident)).contains(" lang=\"en\">" + english + "</a>");
		}
		finally {
			translations.save(PetitionContent.TRANSLATION_KIND, petition, "title", TRADITIONAL, title, "test");
		}
	}

	@Test
	void aLetterCampaignNamesItsAlertsInTheReadersLanguage() throws Exception {
		long campaign = id("select id from letters_campaign order by id limit 1");
		long alert = id("select id from alert where title = '" + AlertDemo.PRAYER_TITLE + "'");
		assertThat(page("/zh-Hant/letters/{id}", campaign))
			.contains("通訊：<span>" + translated(AlertContent.TRANSLATION_KIND, alert, TRADITIONAL) + "</span>")
			.contains("請願：<span>" + translated(PetitionContent.TRANSLATION_KIND, demoPetition(), TRADITIONAL));
	}

	@Test
	void theParliamentaryRecordNamesItsCampaignsInTheReadersLanguage() throws Exception {
		long campaign = id("select id from letters_campaign order by id limit 1");
		assertThat(page("/ko/letters/record?petition=" + demoPetition()))
			.contains("<span>" + translated(CampaignContent.TRANSLATION_KIND, campaign, KOREAN) + "</span>");
	}

	@Test
	void aCaseNamesWhatItLinksToInTheReadersLanguage() throws Exception {
		String slug = jdbc.sql("select slug from case_file where published is not null order by id limit 1")
			.query(String.class)
			.single();
		assertThat(page("/ko/cases/{slug}", slug))
			.contains("청원: <span>" + translated(PetitionContent.TRANSLATION_KIND, demoPetition(), KOREAN))
			.contains("<span>" + translated(IncidentContent.TRANSLATION_KIND, linkedIncident(), KOREAN) + "</span>");
	}

}
