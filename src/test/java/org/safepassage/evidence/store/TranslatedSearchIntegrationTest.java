package org.safepassage.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15: a Chinese or Korean word that occurs only in an incident's translation finds
 * the incident, in the reader's language and in English, until the translation is
 * removed.
 */
class TranslatedSearchIntegrationTest extends IntegrationTest {

	static final Locale SIMPLIFIED = Locale.forLanguageTag("zh-Hans");

	static final Locale KOREAN = Locale.forLanguageTag("ko");

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentTranslations translations;

	@Autowired
	TransactionTemplate transactions;

	long incident(String title, String summary) {
		return jdbc.sql("""
				insert into incident (kind, title, date_precision, date_from, date_to, place, place_precision,
				  departure_country, return_country, summary, state, created_by)
				values ('FORCED_REPATRIATION', ?, 'YEAR', date '2018-01-01', date '2018-12-31', 'Hyesan', 'CITY',
				  'CN', 'KP', ?, 'PUBLISHED', 'test') returning id""")
			.params(title, summary)
			.query(Long.class)
			.single();
	}

	String page(String path, String q) throws Exception {
		return mvc.perform(get(path).param("q", q))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aChineseWordOnlyInTheSimplifiedTranslationFindsTheIncident() throws Exception {
		String title = "Ferry crossing returns (translated search test)";
		long id = incident(title, "Twelve people were held at a river crossing and returned.");
		assertThat(page("/evidence", "渡口遣返")).doesNotContain(title);

		translations.save(IncidentContent.TRANSLATION_KIND, id, "title", SIMPLIFIED, "鸭绿江渡口遣返事件（检索试验）", "test");
		translations.save(IncidentContent.TRANSLATION_KIND, id, "summary", SIMPLIFIED, "十二人在渡口被拘留后被押送回朝鲜。", "test");

		// In the reader's language, shown translated; in English, the original.
		assertThat(page("/zh-Hans/evidence", "渡口遣返")).contains("鸭绿江渡口遣返事件（检索试验）").doesNotContain(title);
		assertThat(page("/evidence", "渡口遣返")).contains(title);
		// A word of the translated summary, with one of the title: both in the same
		// language's text.
		assertThat(page("/evidence", "押送回朝鲜 鸭绿江")).contains(title);
		// Both words must occur as typed.
		assertThat(page("/evidence", "渡口回")).doesNotContain(title);

		// A researcher removes the translation on the staff page: it no longer matches.
		mvc.perform(post("/admin/translations/incident/{id}", id).with(user("r@example.org").roles("RESEARCHER"))
			.with(csrf())
			.param("zh-Hans.title", "")
			.param("zh-Hans.summary", "")).andExpect(status().is3xxRedirection());
		assertThat(page("/evidence", "渡口遣返")).doesNotContain(title);
		assertThat(page("/zh-Hans/evidence", "渡口遣返")).doesNotContain(title);
		assertThat(jdbc.sql("select count(*) from incident_translation_text where incident_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aKoreanWordOrALatinOneInTheKoreanTranslationFindsTheIncident() throws Exception {
		String title = "Returns after arrests in a border town (translated search test)";
		long id = incident(title, "Several people were returned after arrests.");
		translations.save(IncidentContent.TRANSLATION_KIND, id, "title", KOREAN, "국경 마을 체포 후 강제북송 (번역검색시험)", "test");
		translations.save(IncidentContent.TRANSLATION_KIND, id, "summary", KOREAN, "Onsong 근처에서 체포된 여러 명이 북송되었다.",
				"test");

		assertThat(page("/ko/evidence", "강제북송")).contains("국경 마을 체포 후 강제북송 (번역검색시험)");
		assertThat(page("/evidence", "번역검색")).contains(title);
		assertThat(page("/evidence", "onsong")).contains(title);

		// Removing only the title keeps the summary searchable, and the title's words no
		// longer match.
		translations.save(IncidentContent.TRANSLATION_KIND, id, "title", KOREAN, "", "test");
		assertThat(page("/evidence", "번역검색")).doesNotContain(title);
		assertThat(page("/evidence", "onsong")).contains(title);
		assertThat(page("/ko/evidence", "북송되었다")).contains(title);
	}

	@Test
	void aTranslationSavedInAFailedTransactionIsNotSearched() throws Exception {
		String title = "Rolled back translation (translated search test)";
		long id = incident(title, "Nothing to see.");
		try {
			transactions.executeWithoutResult(status -> {
				translations.save(IncidentContent.TRANSLATION_KIND, id, "title", SIMPLIFIED, "回滚的翻译图们江", "test");
				throw new IllegalStateException("the staff action failed after saving");
			});
		}
		catch (IllegalStateException expected) {
			// as planned
		}
		assertThat(page("/evidence", "图们江")).doesNotContain(title);
	}

	@Test
	void aTitleRemovedWhileTheSummaryIsSavedStaysRemoved() throws Exception {
		String title = "Concurrent translation edits (translated search test)";
		long id = incident(title, "Two researchers at once.");
		translations.save(IncidentContent.TRANSLATION_KIND, id, "title", KOREAN, "동시편집제목 시험", "test");
		CountDownLatch summarySaved = new CountDownLatch(1);
		CountDownLatch commitSummary = new CountDownLatch(1);
		ExecutorService researchers = Executors.newFixedThreadPool(2);
		try {
			// One researcher saves the summary and has not committed yet...
			Future<?> summary = researchers.submit(() -> transactions.executeWithoutResult(status -> {
				translations.save(IncidentContent.TRANSLATION_KIND, id, "summary", KOREAN, "동시편집요약 시험", "test");
				summarySaved.countDown();
				await(commitSummary);
			}));
			assertThat(summarySaved.await(10, TimeUnit.SECONDS)).isTrue();
			// ...when another removes the title, and waits for the first.
			Future<?> removal = researchers
				.submit(() -> translations.save(IncidentContent.TRANSLATION_KIND, id, "title", KOREAN, "", "test"));
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("""
						select count(*) from pg_stat_activity
						where wait_event_type = 'Lock' and query like '%incident_translation_text%'""")
					.query(Long.class)
					.single() > 0);
			commitSummary.countDown();
			summary.get(10, TimeUnit.SECONDS);
			removal.get(10, TimeUnit.SECONDS);
		}
		finally {
			commitSummary.countDown();
			researchers.shutdownNow();
		}
		assertThat(page("/evidence", "동시편집제목")).doesNotContain(title);
		assertThat(page("/evidence", "동시편집요약")).contains(title);
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void theSearchTextHoldsExactlyTheTranslationsOfIncidents() {
		// The demo's translations and whatever other tests left: what the listener kept
		// is what V3_5 copies from the translations, no more and no less.
		String copied = """
				select t.record_id, t.language,
				       max(t.text) filter (where t.field = 'title'),
				       max(t.text) filter (where t.field = 'summary')
				  from content_translation t join incident i on i.id = t.record_id
				 where t.kind = 'incident' and t.field in ('title', 'summary')
				 group by t.record_id, t.language""";
		String kept = "select incident_id, language, title, summary from incident_translation_text";
		assertThat(jdbc.sql("select count(*) from incident_translation_text").query(Long.class).single()).isPositive();
		assertThat(
				jdbc.sql("select count(*) from ((" + copied + ") except (" + kept + ")) d").query(Long.class).single())
			.isZero();
		assertThat(
				jdbc.sql("select count(*) from ((" + kept + ") except (" + copied + ")) d").query(Long.class).single())
			.isZero();
	}

	@Test
	void theSearchOfTranslationsUsesItsIndexes() {
		String plan = transactions.execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("""
					explain select incident_id from incident_translation_text
					where cjk @> evidence_cjk_query('渡口') or search @@ websearch_to_tsquery('english', 'onsong')""")
				.query(String.class)
				.list());
		});
		assertThat(plan).contains("incident_translation_text_cjk").contains("incident_translation_text_search");
	}

	@Test
	void aSearchReadsIndexesNotEveryIncident() {
		// A few rows only, so the planner prefers reading tables; forbidding that shows
		// that a search has a plan that does without.
		String plan = transactions.execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n",
					jdbc.sql("explain " + EvidenceQueries.SEARCH_INCIDENTS)
						.param("state", "PUBLISHED")
						.param("kind", null)
						.param("year", null)
						.param("place", null)
						.param("organisation", null)
						.param("q", "渡口 returns")
						.param("limit", 20)
						.param("offset", 0)
						.query(String.class)
						.list());
		});
		assertThat(plan).doesNotContain("Seq Scan").contains("incident_translation_text_search");
	}

}
