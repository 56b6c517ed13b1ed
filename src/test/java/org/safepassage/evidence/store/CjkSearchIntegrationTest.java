package org.safepassage.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15: a Korean or Chinese word finds the incident that contains it, though neither
 * language separates words the way English stemming expects.
 */
class CjkSearchIntegrationTest extends IntegrationTest {

	static final String KOREAN_TITLE = "탈북민 강제송환 보고 (검색 시험)";

	static final String CHINESE_TITLE = "中国强制遣返朝鲜难民 (搜索测试)";

	static final String REPORT_ONLY_TITLE = "Border incident with a Chinese source (search test)";

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void incidents() {
		if (jdbc.sql("select count(*) from incident where title = ?")
			.param(KOREAN_TITLE)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		insert(KOREAN_TITLE, "두만강 근처에서 체포된 후 북송되었다.", "PUBLISHED");
		insert(CHINESE_TITLE, "多人在边境被拘留后被遣返。", "PUBLISHED");
		insert("검색되지 않는 초안 (검색 시험)", "강제송환 초안", "DRAFT");
		long withReport = insert(REPORT_ONLY_TITLE, "Held near the border.", "PUBLISHED");
		jdbc.sql("""
				insert into source_report (incident_id, organisation, title, figure_text, figure_low, figure_coding,
				  quote, reliability, created_by)
				values (?, '人权观察', '朝鲜难民被押送回国', '12', 12, 'PARSED', '十二人被押送', 'RELIABLE', 'test')""")
			.param(withReport)
			.update();
	}

	long insert(String title, String summary, String state) {
		return jdbc.sql("""
				insert into incident (kind, title, date_precision, date_from, date_to, place, place_precision,
				  departure_country, return_country, summary, state, created_by)
				values ('FORCED_REPATRIATION', ?, 'YEAR', date '2019-01-01', date '2019-12-31', 'Tumen', 'CITY',
				  'CN', 'KP', ?, ?, 'test') returning id""").params(title, summary, state).query(Long.class).single();
	}

	List<String> found(String q) throws Exception {
		String page = mvc.perform(get("/evidence").param("q", q))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return List.of(KOREAN_TITLE, CHINESE_TITLE, REPORT_ONLY_TITLE, "검색되지 않는 초안 (검색 시험)")
			.stream()
			.filter(page::contains)
			.toList();
	}

	@Test
	void aTwoCharacterKoreanWordInsideALongerOneIsFound() throws Exception {
		assertThat(found("송환")).containsExactly(KOREAN_TITLE);
		assertThat(found("강제송환")).containsExactly(KOREAN_TITLE);
		// In the summary, next to other words and particles.
		assertThat(found("두만강")).containsExactly(KOREAN_TITLE);
	}

	@Test
	void aChineseWordIsFoundInTheIncidentAndInItsReports() throws Exception {
		assertThat(found("遣返")).containsExactly(CHINESE_TITLE);
		assertThat(found("押送")).containsExactly(REPORT_ONLY_TITLE);
		assertThat(found("人权观察")).containsExactly(REPORT_ONLY_TITLE);
	}

	@Test
	void everyWordMustOccurAsTyped() throws Exception {
		// 송환 and 강제 both occur, but not as 환강.
		assertThat(found("환강")).isEmpty();
		assertThat(found("송환 遣返")).isEmpty();
		assertThat(found("送還")).isEmpty();
	}

	@Test
	void englishSearchStillStems() throws Exception {
		assertThat(found("borders")).containsExactly(REPORT_ONLY_TITLE);
	}

	@Test
	void theSearchCanUseTheIndex() {
		// A few rows only, so the planner prefers reading the table; forbidding that
		// shows
		// the index answers the query.
		String plan = transactions.execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n",
					jdbc.sql("explain select id from incident where cjk @> evidence_cjk_query('송환')")
						.query(String.class)
						.list());
		});
		assertThat(plan).contains("incident_cjk");
	}

}
