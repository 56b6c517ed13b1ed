package org.safepassage.evidence.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.evidence.store.EvidenceEditing;
import org.safepassage.petitions.PetitionDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15: an estimate's words (statement, source title, quote, note) read in the
 * reader's language where researchers translated them, and otherwise in the original,
 * marked with its language, under the "not yet translated" note; the organisation and the
 * figure as the source wrote it stay as written, marked too.
 */
class EstimateTranslationIntegrationTest extends IntegrationTest {

	static final String KO_PER_YEAR = "중국이 해마다 북한으로 강제 송환하는 북한 주민";

	@Autowired
	MockMvc mvc;

	@Autowired
	EvidenceEditing editing;

	@Autowired
	PetitionDirectory petitions;

	long estimate(String statement) {
		return jdbc.sql("select id from estimate where statement = ?").param(statement).query(Long.class).single();
	}

	@Test
	void theDemoEstimatesReadInKoreanOnTheEvidenceAndPetitionPages() throws Exception {
		long perYear = estimate("North Koreans returned by China each year");
		mvc.perform(get("/ko/evidence"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h3>" + KO_PER_YEAR + "</h3>")))
			.andExpect(content().string(containsString("<h3>10년 동안 중국으로 넘어간 북한 주민</h3>")))
			.andExpect(content().string(containsString("Release International이 주영 중국대사관에 청원서를 전달하며 밝힌 내용")))
			.andExpect(content().string(containsString("송환된 사람이 아니라 국경을 넘은 사람의 수입니다.")))
			.andExpect(content().string(containsString("<strong lang=\"en\">around 4,000</strong>")))
			.andExpect(content().string(not(containsString("North Koreans returned by China each year"))))
			.andExpect(content().string(not(containsString("on its petition to the Chinese Embassy"))))
			.andExpect(content().string(not(containsString("the ten years are approximate"))));
		mvc.perform(get("/zh-Hant/evidence"))
			.andExpect(content().string(containsString("<h3>中國每年遣返的北韓人</h3>")))
			.andExpect(content().string(containsString("「十年」只是大致的說法")));
		long petition = this.petitions.demoCampaign().orElseThrow().id();
		mvc.perform(get("/ko/petitions/{id}", petition))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("estimate-" + perYear + "\">" + KO_PER_YEAR + "</a>")));
		mvc.perform(get("/evidence"))
			.andExpect(content().string(containsString("<h3>North Koreans returned by China each year</h3>")))
			.andExpect(content().string(containsString("<strong>around 4,000</strong>")));
	}

	@Test
	void researchersTranslateAnEstimateWhatIsLeftShowsInTheOriginalMarked() throws Exception {
		long id = this.editing.createEstimate(
				new EstimateContent("Women among those returned in one night", Estimate.Measure.RETURNED,
						Estimate.Rate.TOTAL, FuzzyDate.year(Year.of(2023)), ReportedFigure.parse("most of about 500"),
						"Example Watch", "A briefing on the night of 9 October", null, null,
						"Most of those sent back that night were women.", "Counted from one briefing only."),
				IncidentState.PUBLISHED, List.of(), "test");
		try {
			mvc.perform(get("/admin/evidence/estimates/{id}/edit", id).with(user("r@example.org").roles("RESEARCHER")))
				.andExpect(content().string(containsString("/admin/translations/estimate/" + id)));
			mvc.perform(post("/admin/translations/estimate/{id}", id).with(user("r@example.org").roles("RESEARCHER"))
				.with(csrf())
				.param("ko.statement", "하룻밤에 송환된 사람 가운데 여성")
				.param("ko.quote", "그날 밤 송환된 사람 대부분이 여성이었습니다.")).andExpect(status().is3xxRedirection());

			mvc.perform(get("/ko/evidence"))
				.andExpect(content().string(containsString("<h3>하룻밤에 송환된 사람 가운데 여성</h3>")))
				.andExpect(content().string(containsString("<q>그날 밤 송환된 사람 대부분이 여성이었습니다.</q>")))
				.andExpect(content()
					.string(containsString("<span lang=\"en\">A briefing on the night of 9 October</span>")))
				.andExpect(content().string(containsString("<dd lang=\"en\">Counted from one briefing only.</dd>")))
				.andExpect(content().string(containsString("아직 한국어로 번역되지 않아 원문 그대로 보여 드립니다.")));
			mvc.perform(get("/zh-Hans/evidence"))
				.andExpect(content()
					.string(containsString("<h3 lang=\"en\">Women among those returned in one night</h3>")))
				.andExpect(content().string(containsString("此内容尚未译成简体中文")));
			mvc.perform(get("/evidence"))
				.andExpect(content().string(containsString("<h3>Women among those returned in one night</h3>")))
				.andExpect(content().string(containsString("<q>Most of those sent back that night were women.</q>")));
			// Staff see what researchers wrote; the JSON API keeps the original, as for
			// incidents.
			mvc.perform(get("/admin/evidence/estimates").with(user("r@example.org").roles("RESEARCHER")))
				.andExpect(content().string(containsString(">Women among those returned in one night</a>")));
			mvc.perform(get("/api/evidence/estimates").header("Accept-Language", "ko"))
				.andExpect(
						content().string(containsString("\"statement\":\"Women among those returned in one night\"")));

			// Removing the Korean statement brings the original back, marked.
			mvc.perform(post("/admin/translations/estimate/{id}", id).with(user("r@example.org").roles("RESEARCHER"))
				.with(csrf())
				.param("ko.statement", "")).andExpect(status().is3xxRedirection());
			mvc.perform(get("/ko/evidence"))
				.andExpect(content()
					.string(containsString("<h3 lang=\"en\">Women among those returned in one night</h3>")));

			mvc.perform(get("/admin/translations/estimate/{id}", id).with(user("c@example.org").roles("CAMPAIGNER")))
				.andExpect(status().isForbidden());
			mvc.perform(post("/admin/translations/estimate/{id}", id).with(user("r@example.org").roles("RESEARCHER"))
				.with(csrf())
				.param("ko.statement", "가".repeat(301))).andExpect(status().isBadRequest());
		}
		finally {
			// The context and its database are shared with the other tests, whose pages
			// list every published estimate.
			jdbc.sql("delete from content_translation where kind = 'estimate' and record_id = ?").param(id).update();
			jdbc.sql("delete from estimate where id = ?").param(id).update();
		}
	}

}
