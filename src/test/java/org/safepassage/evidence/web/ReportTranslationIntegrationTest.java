package org.safepassage.evidence.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15: the sources' reports on an incident page (title, quote, note) read in the
 * reader's language where researchers translated them, else in the original marked with
 * its language under the page's one "not yet translated" note; the search finds the words
 * of their translated titles, and stops when a translation is removed.
 */
class ReportTranslationIntegrationTest extends IntegrationTest {

	static final String OVERNIGHT = "Hundreds of North Koreans returned from China overnight";

	static final String ZH_HANS_TITLE = "中国将数百名朝鲜难民遣返，使他们重陷极大危险";

	static final String ZH_HANS_NOTE = "文章引述了脱北者、敞开的门发言人 Timothy Cho 的话。";

	@Autowired
	MockMvc mvc;

	long incident(String title) {
		return jdbc.sql("select id from incident where title = ?").param(title).query(Long.class).single();
	}

	long report(long incident, String organisation) {
		return jdbc.sql("select id from source_report where incident_id = ? and organisation = ?")
			.params(incident, organisation)
			.query(Long.class)
			.single();
	}

	@Test
	void theDemoReportsReadInKoreanWithTheFigureAsTheSourceWroteIt() throws Exception {
		long id = incident("A further 40 North Koreans returned from China");
		mvc.perform(get("/ko/evidence/incidents/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span>중국의 탈북 난민 강제 송환 (인용 보도)</span>")))
			.andExpect(content().string(containsString("<p class=\"hint\">2023년 11월 23일 기도 알림에 인용된 수치입니다.</p>")))
			.andExpect(content().string(containsString("<td class=\"reported\" lang=\"en\">40</td>")))
			.andExpect(content().string(not(containsString("as cited"))))
			.andExpect(content().string(not(containsString("아직 한국어로 번역되지 않아"))));
		mvc.perform(get("/evidence/incidents/{id}", id))
			.andExpect(content()
				.string(containsString("<span>Returns of North Korean refugees from China (as cited)</span>")))
			.andExpect(content().string(containsString("<td class=\"reported\">40</td>")));
	}

	@Test
	void aReportsTranslatedTitleIsSearchedUntilItIsRemoved() throws Exception {
		long id = incident(OVERNIGHT);
		long report = report(id, "Open Doors UK & Ireland");
		String found = "href=\"/evidence/incidents/" + id + "\"";
		mvc.perform(get("/evidence").param("q", "重陷极大危险")).andExpect(content().string(containsString(found)));
		mvc.perform(get("/admin/evidence/reports/{id}/edit", report).with(user("r@example.org").roles("RESEARCHER")))
			.andExpect(content().string(containsString("/admin/translations/report/" + report)));
		try {
			mvc.perform(post("/admin/translations/report/{id}", report).with(user("r@example.org").roles("RESEARCHER"))
				.with(csrf())
				.param("zh-Hans.title", "")
				.param("zh-Hans.note", "")).andExpect(status().is3xxRedirection());
			mvc.perform(get("/evidence").param("q", "重陷极大危险")).andExpect(content().string(not(containsString(found))));
			mvc.perform(get("/zh-Hans/evidence/incidents/{id}", id))
				.andExpect(content().string(containsString(
						"lang=\"en\">China sends hundreds of North Korean refugees back to extreme danger</span>")))
				.andExpect(content().string(containsString(
						"<p class=\"hint\" lang=\"en\">Article quoting Timothy Cho, an escapee and Open Doors spokesperson.</p>")))
				.andExpect(content().string(containsString("此内容尚未译成简体中文")));
			mvc.perform(get("/admin/translations/report/{id}", report).with(user("c@example.org").roles("CAMPAIGNER")))
				.andExpect(status().isForbidden());
		}
		finally {
			mvc.perform(post("/admin/translations/report/{id}", report).with(user("r@example.org").roles("RESEARCHER"))
				.with(csrf())
				.param("zh-Hans.title", ZH_HANS_TITLE)
				.param("zh-Hans.note", ZH_HANS_NOTE)).andExpect(status().is3xxRedirection());
		}
		mvc.perform(get("/zh-Hans/evidence/incidents/{id}", id))
			.andExpect(content().string(containsString(ZH_HANS_TITLE)));
	}

}
