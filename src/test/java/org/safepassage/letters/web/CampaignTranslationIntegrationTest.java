package org.safepassage.letters.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15: the demo letter campaign's title and guidance read in Korean and Chinese; the
 * letter to the representative and the staff page stay as written.
 */
class CampaignTranslationIntegrationTest extends IntegrationTest {

	static final String TITLE = "Ask your representatives to raise the forced returns";

	@Autowired
	MockMvc mvc;

	long demoCampaign() {
		return jdbc.sql("select id from letters_campaign where title = ?").param(TITLE).query(Long.class).single();
	}

	@Test
	void theDemoCampaignReadsInKoreanAndChineseTheLetterStaysEnglish() throws Exception {
		long id = demoCampaign();
		mvc.perform(get("/letters/{id}", id).header("Accept-Language", "ko"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>지역구 의원에게 강제 북송 문제를 제기해 달라고 요청하세요</h1>")))
			.andExpect(content().string(containsString("편지는 영어로 써 주세요")))
			// The parliamentary record is written in English and not translated: marked
			// so.
			.andExpect(content().string(containsString("<p lang=\"en\">A motion was tabled")))
			.andExpect(content().string(not(containsString("아직 한국어로 번역되지 않아"))));
		mvc.perform(get("/letters/{id}", id).header("Accept-Language", "zh-Hant"))
			.andExpect(content().string(containsString("請您的國會議員就強制遣返問題發聲")));
		mvc.perform(get("/letters/{id}/write", id).param("postcode", "SW1A 1AA").header("Accept-Language", "zh-Hans"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("信件须以英文书写")))
			.andExpect(content().string(containsString("I am writing to you as your constituent")));
		mvc.perform(get("/letters/{id}", id))
			.andExpect(content().string(containsString("<h1>" + TITLE + "</h1>")))
			.andExpect(content().string(containsString("<p>A motion was tabled")));
		// The list of campaigns too.
		mvc.perform(get("/ko/letters"))
			.andExpect(content().string(containsString(">지역구 의원에게 강제 북송 문제를 제기해 달라고 요청하세요</a>")))
			.andExpect(content().string(not(containsString(TITLE))));
		mvc.perform(get("/letters")).andExpect(content().string(containsString(">" + TITLE + "</a>")));
		mvc.perform(get("/admin/letters/{id}", id).with(user("c@example.org").roles("CAMPAIGNER"))
			.header("Accept-Language", "ko"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(TITLE)))
			.andExpect(content().string(containsString("/admin/translations/letter_campaign/" + id)));
	}

}
