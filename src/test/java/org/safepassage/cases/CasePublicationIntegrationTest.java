package org.safepassage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.safepassage.cases.CaseFixtures.ADMIN;
import static org.safepassage.cases.CaseFixtures.CASEWORKER;
import static org.safepassage.cases.CaseFixtures.SECOND_CASEWORKER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.PetitionDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A case becomes public only when a second staff member approves it, keeps its approved
 * text while changes wait for review, and is gone from every public view at once when
 * withdrawn.
 */
class CasePublicationIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionDirectory petitions;

	@Test
	void onlyASecondStaffMemberPublishes() throws Exception {
		long id = CaseFixtures.create(this.mvc,
				CaseFixtures.newCase("Ms Y.", "Ignored Name", "story", "Yellow kite story, for the search."));
		String slug = CaseFixtures.slug(this.jdbc, id);
		this.mvc.perform(get("/cases/{slug}", slug)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/cases/{slug}", slug)).andExpect(status().isNotFound());

		this.mvc.perform(post("/admin/cases/{id}/approve", id).with(SECOND_CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.rule.approveOnlyPending"));
		this.mvc.perform(post("/admin/cases/{id}/request-publication", id).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		this.mvc.perform(post("/admin/cases/{id}/approve", id).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.rule.secondPerson"));
		this.mvc.perform(get("/cases/{slug}", slug)).andExpect(status().isNotFound());

		this.mvc.perform(post("/admin/cases/{id}/approve", id).with(SECOND_CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		this.mvc.perform(get("/cases/{slug}", slug))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ms Y.")))
			.andExpect(content().string(containsString("Yellow kite story")));
		assertThat(this.jdbc
			.sql("select count(*) from staff_audit where record = :record and action in "
					+ "('case.publish.requested', 'case.published')")
			.param("record", "case:" + id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void changesToAPublishedCaseWaitForApprovalWhileTheApprovedTextStays() throws Exception {
		long id = CaseFixtures.create(this.mvc,
				CaseFixtures.newCase("Ms Z.", "Ignored Name", "story", "The approved story."));
		CaseFixtures.publish(this.mvc, id);
		String slug = CaseFixtures.slug(this.jdbc, id);

		this.mvc
			.perform(post("/admin/cases/{id}", id).with(CASEWORKER)
				.with(csrf())
				.param("pseudonym", "Ms Z.")
				.param("situation", "RETURNED")
				.param("gender", "FEMALE")
				.param("story", "A revised story, not yet approved."))
			.andExpect(flash().attribute("done", true));
		this.mvc.perform(get("/cases/{slug}", slug))
			.andExpect(content().string(containsString("The approved story.")))
			.andExpect(content().string(not(containsString("not yet approved"))));
		this.mvc.perform(get("/admin/cases/{id}", id).with(CASEWORKER))
			.andExpect(content().string(containsString("not public until approved again")));

		CaseFixtures.publish(this.mvc, id);
		this.mvc.perform(get("/cases/{slug}", slug))
			.andExpect(content().string(containsString("not yet approved")))
			.andExpect(content().string(containsString("Returned to North Korea")));
		// Nothing changed since: nothing to ask for.
		this.mvc.perform(post("/admin/cases/{id}/request-publication", id).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.rule.nothingToPublish"));
	}

	@Test
	void withdrawingTakesTheCaseFromEveryPublicViewAtOnce() throws Exception {
		long petition = this.petitions.demoCampaign().orElseThrow().id();
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Mrs Withdrawn", "Ignored Name", "story",
				"Lantern harbour story.", "petitionIds", String.valueOf(petition)));
		CaseFixtures.publish(this.mvc, id);
		String slug = CaseFixtures.slug(this.jdbc, id);
		this.mvc.perform(get("/cases").param("q", "lantern")).andExpect(content().string(containsString(slug)));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.mvc.perform(get("/petitions/{id}", petition))
				.andExpect(content().string(containsString("Mrs Withdrawn"))));

		this.mvc.perform(post("/admin/cases/{id}/withdraw", id).with(ADMIN).with(csrf()))
			.andExpect(flash().attribute("done", true));

		this.mvc.perform(get("/cases/{slug}", slug)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/cases/{slug}", slug)).andExpect(status().isNotFound());
		for (String path : new String[] { "/cases", "/cases?q=lantern", "/api/cases", "/api/cases?q=lantern",
				"/cases.csv", "/cases/feed.atom" }) {
			String body = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).as(path).doesNotContain(slug).doesNotContain("Mrs Withdrawn");
		}
		// The petition page is served from a copy at most 500 ms old.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.mvc.perform(get("/petitions/{id}", petition))
				.andExpect(content().string(not(containsString("Mrs Withdrawn")))));

		// Publishing again needs a new approval.
		this.mvc.perform(post("/admin/cases/{id}/request-publication", id).with(CASEWORKER).with(csrf()));
		this.mvc.perform(get("/cases/{slug}", slug)).andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/cases/{id}/approve", id).with(SECOND_CASEWORKER).with(csrf()));
		this.mvc.perform(get("/cases/{slug}", slug)).andExpect(status().isOk());
	}

	@Test
	void badInputIsRefusedWithAMessageAndTheValuesKept() throws Exception {
		this.mvc
			.perform(CaseFixtures.newCase("Ms <b>", "Ignored Name", "situation", "ON_THE_MOON", "situationSince",
					"2023-13-45"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose one of the situations listed.")))
			.andExpect(content().string(containsString("2023-13-45")))
			.andExpect(content().string(not(containsString("Ms <b>"))));
		this.mvc.perform(get("/cases").param("q", "x".repeat(5000)).param("page", "-3")).andExpect(status().isOk());
		this.mvc.perform(get("/cases/{slug}", "abcdefghjk")).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/cases/{id}", 987654321L).with(CASEWORKER)).andExpect(status().isNotFound());
	}

}
