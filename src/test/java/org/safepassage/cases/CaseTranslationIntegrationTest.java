package org.safepassage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.safepassage.cases.CaseFixtures.ADMIN;
import static org.safepassage.cases.CaseFixtures.CASEWORKER;
import static org.safepassage.cases.CaseFixtures.SECOND_CASEWORKER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.PetitionDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 15 for case stories: translations are part of the public part, so they are public
 * only inside the approved copy, after a second staff member approved them; readers get
 * their language or the original with a note, on the page, in the JSON and in the feed,
 * and the search finds the approved translations' words, Korean and Chinese ones
 * included, and nothing of a draft.
 */
class CaseTranslationIntegrationTest extends IntegrationTest {

	static final String ORIGINAL = "She crossed the river at night and was caught near the border.";

	static final String KOREAN = "그녀는 밤에 강을 건너다 국경 근처에서 붙잡혔습니다.";

	static final String KOREAN_REVISED = "그녀는 한밤중에 두만강을 건너다 국경 부근에서 붙잡혔습니다.";

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionDirectory petitions;

	/** The staff form of the public part, as the edit page sends it. */
	MockHttpServletRequestBuilder revise(long id, String story, String... translations) {
		MockHttpServletRequestBuilder request = post("/admin/cases/{id}", id).with(CASEWORKER)
			.with(csrf())
			.param("pseudonym", "Ms R.")
			.param("situation", "DETAINED")
			.param("gender", "FEMALE")
			.param("story", story);
		for (int i = 0; i < translations.length; i += 2) {
			request.param("storyTranslations[" + translations[i] + "]", translations[i + 1]);
		}
		return request;
	}

	String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aTranslationIsPublicOnlyOnceASecondPersonApprovesIt() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms R.", "Ignored Name", "story", ORIGINAL));
		CaseFixtures.publish(this.mvc, id);
		String slug = CaseFixtures.slug(this.jdbc, id);
		assertThat(page("/ko/cases/" + slug)).contains(ORIGINAL)
			.contains("class=\"untranslated\"")
			.contains("lang=\"en\"");

		this.mvc.perform(revise(id, ORIGINAL, "ko", KOREAN)).andExpect(flash().attribute("done", true));
		assertThat(page("/ko/cases/" + slug)).as("saved, not approved").contains(ORIGINAL).doesNotContain(KOREAN);
		this.mvc.perform(get("/admin/cases/{id}", id).with(CASEWORKER))
			.andExpect(content().string(containsString(KOREAN)))
			.andExpect(content().string(containsString("Not public until approved.")));

		this.mvc.perform(post("/admin/cases/{id}/request-publication", id).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		this.mvc.perform(post("/admin/cases/{id}/approve", id).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.rule.secondPerson"));
		assertThat(page("/ko/cases/" + slug)).as("asked for, not approved").doesNotContain(KOREAN);

		this.mvc.perform(post("/admin/cases/{id}/approve", id).with(SECOND_CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		String korean = page("/ko/cases/" + slug);
		assertThat(korean).contains(KOREAN).doesNotContain(ORIGINAL).doesNotContain("class=\"untranslated\"");
		// Only Korean exists: a reader of Traditional Chinese gets the original, marked
		// and noted.
		String traditional = page("/zh-Hant/cases/" + slug);
		assertThat(traditional).contains(ORIGINAL)
			.doesNotContain(KOREAN)
			.contains("class=\"untranslated\"")
			.contains("<div class=\"story\" lang=\"en\">");
		assertThat(page("/cases/" + slug)).contains(ORIGINAL)
			.doesNotContain(KOREAN)
			.doesNotContain("class=\"untranslated\"");
		this.mvc.perform(get("/admin/cases/{id}", id).with(CASEWORKER))
			.andExpect(content().string(containsString("Approved and public.")));
	}

	@Test
	void aChangedTranslationOfAPublishedCaseWaitsForApprovalLikeTheStory() throws Exception {
		long id = CaseFixtures.create(this.mvc,
				CaseFixtures.newCase("Ms R.", "Ignored Name", "story", ORIGINAL, "storyTranslations[ko]", KOREAN));
		CaseFixtures.publish(this.mvc, id);
		String slug = CaseFixtures.slug(this.jdbc, id);
		assertThat(page("/ko/cases/" + slug)).contains(KOREAN);

		this.mvc.perform(revise(id, ORIGINAL, "ko", KOREAN_REVISED)).andExpect(flash().attribute("done", true));
		assertThat(page("/ko/cases/" + slug)).contains(KOREAN).doesNotContain(KOREAN_REVISED);
		this.mvc.perform(get("/admin/cases/{id}", id).with(CASEWORKER))
			.andExpect(content().string(containsString("not public until approved again")));

		// Removing a translation is a change too: the approved one stays until approved.
		this.mvc.perform(revise(id, ORIGINAL, "ko", "")).andExpect(flash().attribute("done", true));
		assertThat(page("/ko/cases/" + slug)).contains(KOREAN);
		this.mvc.perform(revise(id, ORIGINAL, "ko", KOREAN_REVISED)).andExpect(flash().attribute("done", true));

		CaseFixtures.publish(this.mvc, id);
		assertThat(page("/ko/cases/" + slug)).contains(KOREAN_REVISED).doesNotContain(KOREAN);
		this.mvc.perform(post("/admin/cases/{id}/request-publication", id).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.rule.nothingToPublish"));

		// A change while waiting for review sends the request back, as a change of the
		// story does.
		this.mvc.perform(revise(id, ORIGINAL, "ko", KOREAN)).andExpect(flash().attribute("done", true));
		this.mvc.perform(post("/admin/cases/{id}/request-publication", id).with(CASEWORKER).with(csrf()));
		this.mvc.perform(revise(id, ORIGINAL, "ko", KOREAN, "zh-Hans", "她在夜里过河时被抓。"));
		this.mvc.perform(post("/admin/cases/{id}/approve", id).with(SECOND_CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.rule.approveOnlyPending"));
		assertThat(page("/ko/cases/" + slug)).contains(KOREAN_REVISED);

		// The story changes, the approved translation does not: staff are told to check
		// it.
		this.mvc.perform(revise(id, ORIGINAL + " She is held in a detention centre.", "ko", KOREAN_REVISED))
			.andExpect(flash().attribute("done", true));
		this.mvc.perform(get("/admin/cases/{id}", id).with(CASEWORKER))
			.andExpect(content().string(containsString("The story has changed since this translation was approved")));
	}

	@Test
	void theSearchFindsWordsOfApprovedTranslationsOnly() throws Exception {
		long approved = CaseFixtures.create(this.mvc,
				CaseFixtures.newCase("Ms S.", "Ignored Name", "story",
						"An English story without the words searched for.", "storyTranslations[zh-Hans]",
						"她在图们江边被边防人员抓获，至今下落不明。", "storyTranslations[ko]", "그녀는 두만강에서 붙잡혔습니다."));
		CaseFixtures.publish(this.mvc, approved);
		String approvedSlug = CaseFixtures.slug(this.jdbc, approved);
		long draft = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms D.", "Ignored Name", "story",
				"Another English story, published without translations."));
		CaseFixtures.publish(this.mvc, draft);
		String draftSlug = CaseFixtures.slug(this.jdbc, draft);
		// Translated afterwards, not approved: its words must not find the case.
		this.mvc
			.perform(post("/admin/cases/{id}", draft).with(CASEWORKER)
				.with(csrf())
				.param("pseudonym", "Ms D.")
				.param("situation", "DETAINED")
				.param("story", "Another English story, published without translations.")
				.param("storyTranslations[zh-Hans]", "她在鸭绿江边被抓获。"))
			.andExpect(flash().attribute("done", true));

		assertThat(page("/cases?q=图们江")).contains(approvedSlug).doesNotContain(draftSlug);
		assertThat(page("/cases?q=图们")).as("a two-character word").contains(approvedSlug);
		assertThat(page("/zh-Hans/cases?q=边防人员")).contains(approvedSlug);
		// A Korean word inside a longer one (두만강에서: the river, with its particle).
		assertThat(page("/ko/cases?q=두만강")).contains(approvedSlug);
		assertThat(page("/cases?q=鸭绿江")).doesNotContain(draftSlug).doesNotContain(approvedSlug);
		assertThat(page("/api/cases?q=图们江")).contains(approvedSlug).doesNotContain(draftSlug);
		assertThat(page("/api/cases?q=鸭绿江")).doesNotContain(draftSlug);
		// Words in no story find nothing, in either script.
		assertThat(page("/cases?q=图们河")).doesNotContain(approvedSlug);

		CaseFixtures.publish(this.mvc, draft);
		assertThat(page("/cases?q=鸭绿江")).contains(draftSlug);
	}

	@Test
	void theJsonGivesTheStoryInTheReadersLanguageAndOnlyPublicLinks() throws Exception {
		long publicPetition = this.petitions.demoCampaign().orElseThrow().id();
		long draftPetition = draftPetition();
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms J.", "Ignored Name", "story", ORIGINAL,
				"storyTranslations[ko]", KOREAN, "petitionIds", String.valueOf(publicPetition)));
		this.mvc
			.perform(post("/admin/cases/{id}", id).with(CASEWORKER)
				.with(csrf())
				.param("pseudonym", "Ms J.")
				.param("situation", "DETAINED")
				.param("story", ORIGINAL)
				.param("storyTranslations[ko]", KOREAN)
				.param("petitionIds", String.valueOf(publicPetition), String.valueOf(draftPetition)))
			.andExpect(flash().attribute("done", true));
		CaseFixtures.publish(this.mvc, id);
		String slug = CaseFixtures.slug(this.jdbc, id);

		this.mvc.perform(get("/api/cases/{slug}", slug).param("language", "ko"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.story").value(KOREAN))
			.andExpect(jsonPath("$.storyLanguage").value("ko"))
			.andExpect(jsonPath("$.storyLanguages[0]").value("en"))
			.andExpect(jsonPath("$.storyLanguages[1]").value("ko"))
			.andExpect(jsonPath("$.storyTranslations").doesNotExist())
			.andExpect(jsonPath("$.links.petitionIds.length()").value(1))
			.andExpect(jsonPath("$.links.petitionIds[0]").value(publicPetition));
		this.mvc.perform(get("/api/cases/{slug}", slug).header("Accept-Language", "zh-TW,zh;q=0.8"))
			.andExpect(jsonPath("$.story").value(ORIGINAL))
			.andExpect(jsonPath("$.storyLanguage").value("en"));
		this.mvc.perform(get("/api/cases/{slug}", slug).header("Accept-Language", "ko-KR"))
			.andExpect(jsonPath("$.story").value(KOREAN));
		this.mvc.perform(get("/api/cases/{slug}", slug).param("language", "x".repeat(5000)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.story").value(ORIGINAL));
		String list = this.mvc.perform(get("/api/cases").param("language", "ko").param("q", "Ms J."))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains(KOREAN).doesNotContain("\"petitionIds\":[" + publicPetition + "," + draftPetition);
		// The page names the public petition only, too.
		assertThat(page("/cases/" + slug)).doesNotContain("/petitions/" + draftPetition + "\"");

		// The CSV: the original, then each language's approved story.
		assertThat(page("/cases.csv")).contains("story_ko,story_zh-Hans,story_zh-Hant").contains(KOREAN);

		// The feed: the reader's language, or the original under the note.
		assertThat(page("/ko/cases/feed.atom")).contains(KOREAN);
		assertThat(page("/zh-Hant/cases/feed.atom")).contains(ORIGINAL).contains("此內容尚未譯成繁體中文").doesNotContain(KOREAN);
	}

	@Test
	void translationsHoldOnlyTheStoryInOfferedLanguagesNeverAProtectedField() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms P.", "Velmorine Quastrick", "story", ORIGINAL,
				"storyTranslations[ko]", KOREAN));
		// A key that is not a language (a protected field's name) or a language not
		// offered is refused.
		for (String key : new String[] { "real_name", "realName", "en", "fr" }) {
			this.mvc.perform(revise(id, ORIGINAL, key, "Velmorine Quastrick"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Stories can only be translated into the languages")))
				.andExpect(content().string(not(containsString("Velmorine Quastrick"))));
		}
		// Too long or not plain text: refused on the field, the value kept.
		this.mvc.perform(revise(id, ORIGINAL, "zh-Hant", "太長".repeat(10_001))).andExpect(status().isBadRequest());
		this.mvc.perform(revise(id, ORIGINAL, "zh-Hant", "控制\u0007字元"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(this.jdbc.sql("select story_translations::text from case_file where id = ?")
			.param(id)
			.query(String.class)
			.single()).doesNotContain("Velmorine").doesNotContain("real");

		// The generic translations page, whose saves are public at once, knows no case.
		this.mvc.perform(get("/admin/translations/case/{id}", id).with(ADMIN)).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/translations/case/{id}", id).with(ADMIN)
				.with(csrf())
				.param("story.ko", "Velmorine Quastrick"))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from content_translation where kind like 'case%'")
			.query(Long.class)
			.single()).isZero();

		CaseFixtures.publish(this.mvc, id);
		String slug = CaseFixtures.slug(this.jdbc, id);
		for (String path : new String[] { "/ko/cases/" + slug, "/zh-Hans/cases/" + slug, "/api/cases/" + slug,
				"/api/cases/" + slug + "?language=ko", "/ko/cases/feed.atom", "/cases.csv" }) {
			assertThat(page(path)).as(path).doesNotContain("Velmorine").doesNotContain("Quastrick");
		}
		assertThat(this.jdbc.sql("select published::text from case_file where id = ?")
			.param(id)
			.query(String.class)
			.single()).contains("storyTranslations").doesNotContain("Velmorine");
	}

	@Test
	void theEditPageHasOneBoxPerLanguageBesideTheStory() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms E.", "Ignored Name", "story", ORIGINAL,
				"storyTranslations[zh-Hant]", "她在夜裡渡河時被抓。"));
		String form = this.mvc.perform(get("/admin/cases/{id}/edit", id).with(CASEWORKER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("name=\"storyTranslations[ko]\"")
			.contains("name=\"storyTranslations[zh-Hans]\"")
			.contains("name=\"storyTranslations[zh-Hant]\"")
			.doesNotContain("name=\"storyTranslations[en]\"")
			.contains("她在夜裡渡河時被抓。");
	}

	@Test
	void theDemoCaseIsToldInEveryLanguageAsApproved() throws Exception {
		String slug = this.jdbc.sql("select slug from case_file where pseudonym = 'Mr T.' and published is not null")
			.query(String.class)
			.single();
		assertThat(page("/ko/cases/" + slug)).contains("선교사들이").doesNotContain("class=\"untranslated\"");
		assertThat(page("/zh-Hans/cases/" + slug)).contains("传教士").doesNotContain("class=\"untranslated\"");
		assertThat(page("/zh-Hant/cases/" + slug)).contains("宣教士").doesNotContain("class=\"untranslated\"");
		assertThat(page("/zh-Hans/cases?q=菲律宾")).contains(slug);
		assertThat(page("/ko/cases?q=필리핀")).contains(slug);
		assertThat(this.jdbc.sql("select published_by from case_file where slug = ?")
			.param(slug)
			.query(String.class)
			.single()).isEqualTo("demo-reviewer");
	}

	long draftPetition() throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", "A draft petition the public cannot see");
		fields.put("background", "Why.");
		fields.put("demands", "Stop forced returns");
		fields.put("target", "Embassy");
		fields.put("signatureGoal", "1000");
		fields.put("closingDate", LocalDate.now(this.clock).plusDays(30).toString());
		MockHttpServletRequestBuilder request = post("/admin/petitions")
			.with(user("campaigner@example.org").roles("CAMPAIGNER"))
			.with(csrf());
		fields.forEach(request::param);
		String location = this.mvc.perform(request)
			.andExpect(redirectedUrlPattern("/admin/petitions/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.petitions.find(id).orElseThrow().publicState()).isFalse();
		return id;
	}

}
