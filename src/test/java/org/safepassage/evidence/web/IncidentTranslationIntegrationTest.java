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
 * Issue 15: the demo incidents read in Korean and Chinese, researchers translate them on
 * the staff page, and campaigners may not.
 */
class IncidentTranslationIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	long incident(String title) {
		return jdbc.sql("select id from incident where title = ?").param(title).query(Long.class).single();
	}

	@Test
	void theDemoIncidentsReadInKoreanAndChinese() throws Exception {
		long id = incident("A further 40 North Koreans returned from China");
		mvc.perform(get("/evidence/incidents/{id}", id).header("Accept-Language", "ko"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>중국, 북한 주민 40명 추가 송환</h1>")))
			.andExpect(content().string(not(containsString("아직 한국어로 번역되지 않아"))));
		mvc.perform(get("/evidence").header("Accept-Language", "zh-Hant"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("中國再遣返40名北韓人")));
		mvc.perform(get("/evidence/incidents/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>A further 40 North Koreans returned from China</h1>")));
	}

	@Test
	void researchersTranslateCampaignersMayNot() throws Exception {
		long id = incident("China returns 80 North Koreans as the border reopens");
		mvc.perform(post("/admin/translations/incident/{id}", id).with(user("r@example.org").roles("RESEARCHER"))
			.with(csrf())
			.param("zh-Hans.summary", "")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/evidence/incidents/{id}", id).header("Accept-Language", "zh-Hans"))
			.andExpect(content().string(containsString("朝鲜边境重开之际")))
			.andExpect(content().string(containsString("lang=\"en\">Weeks after North Korea")))
			.andExpect(content().string(containsString("此内容尚未译成简体中文")));
		mvc.perform(get("/admin/translations/incident/{id}", id).with(user("c@example.org").roles("CAMPAIGNER")))
			.andExpect(status().isForbidden());
	}

}
