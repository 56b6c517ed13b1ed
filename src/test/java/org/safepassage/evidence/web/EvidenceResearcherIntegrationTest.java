package org.safepassage.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Researchers record and publish incidents; the public sees published ones only. */
class EvidenceResearcherIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor RESEARCHER = user("researcher@example.org").roles("RESEARCHER");

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	@Autowired
	MockMvc mvc;

	/** The form for a valid draft; pairs of name and value replace its fields. */
	static MockHttpServletRequestBuilder incident(String title, String... replacements) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("kind", "DETENTION");
		fields.put("title", title);
		fields.put("datePrecision", "MONTH");
		fields.put("date", "2021-03");
		fields.put("place", "Dandong");
		fields.put("placePrecision", "CITY");
		fields.put("departureCountry", "CN");
		fields.put("returnCountry", "KP");
		fields.put("summary", "Held at a detention centre before transfer.");
		fields.put("tags", "detention, Dandong");
		for (int i = 0; i < replacements.length; i += 2) {
			fields.put(replacements[i], replacements[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/admin/evidence/incidents").with(RESEARCHER).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	long create(String title) throws Exception {
		String location = mvc.perform(incident(title))
			.andExpect(redirectedUrlPattern("/admin/evidence/incidents/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	void report(long id, String organisation, String figure, String reliability) throws Exception {
		mvc.perform(post("/admin/evidence/incidents/{id}/reports", id).with(RESEARCHER)
			.with(csrf())
			.param("organisation", organisation)
			.param("title", "Report by " + organisation)
			.param("url", "https://example.org/report")
			.param("publishedOn", "2021-04-02")
			.param("figure", figure)
			.param("reliability", reliability)).andExpect(redirectedUrlPattern("/admin/evidence/incidents/*"));
	}

	@Test
	void aDraftIsHiddenFromThePublicUntilPublished() throws Exception {
		long id = create("Detention of escapees in Dandong");
		report(id, "Witness Network", "dozens", "RELIABLE");

		mvc.perform(get("/evidence/incidents/{id}", id)).andExpect(status().isNotFound());
		mvc.perform(get("/api/evidence/incidents/{id}", id))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/evidence/incidents/{id}/reports", id)).andExpect(status().isNotFound());
		mvc.perform(get("/evidence").param("place", "Dandong"))
			.andExpect(content().string(not(containsString("Detention of escapees in Dandong"))));
		mvc.perform(get("/evidence/incidents.csv").param("place", "Dandong"))
			.andExpect(content().string(not(containsString("Detention of escapees in Dandong"))));
		// Asking for drafts changes nothing for the public.
		mvc.perform(get("/evidence").param("state", "DRAFT").param("place", "Dandong"))
			.andExpect(content().string(not(containsString("Detention of escapees in Dandong"))));

		mvc.perform(get("/evidence/incidents/{id}", id).with(RESEARCHER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Draft: not public")));

		mvc.perform(post("/admin/evidence/incidents/{id}/publish", id).with(RESEARCHER).with(csrf()));
		mvc.perform(get("/evidence/incidents/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at least 12 (1 source)")))
			.andExpect(content().string(containsString("March 2021")));

		mvc.perform(post("/admin/evidence/incidents/{id}/unpublish", id).with(RESEARCHER).with(csrf()));
		mvc.perform(get("/evidence/incidents/{id}", id)).andExpect(status().isNotFound());
		mvc.perform(get("/evidence/incidents/{id}", 987654321L)).andExpect(status().isNotFound());
	}

	@Test
	void onlyResearchersAndAdminsEditEvidenceAndResearchersDoNotWritePetitions() throws Exception {
		mvc.perform(get("/admin/evidence")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/evidence").with(CAMPAIGNER)).andExpect(status().isForbidden());
		mvc.perform(incident("Anonymous attempt").with(user("x").roles("MODERATOR"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/evidence/incidents").param("title", "no token").with(RESEARCHER))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/evidence").with(RESEARCHER)).andExpect(status().isOk());
		mvc.perform(get("/admin/evidence").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
		mvc.perform(get("/admin").with(RESEARCHER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Evidence registry")))
			.andExpect(content().string(not(containsString("Write a new petition"))));
		mvc.perform(get("/admin/petitions/new").with(RESEARCHER)).andExpect(status().isForbidden());
	}

	@Test
	void anInvalidIncidentComesBackWithAMessagePerFieldAndItsValues() throws Exception {
		mvc.perform(incident("<b>Bold</b> claim", "datePrecision", "DAY", "date", "2023-02-30", "departureCountry",
				"XX", "returnCountry", "", "summary", "x".repeat(1001), "tags", "a".repeat(41)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"&lt;b&gt;Bold&lt;/b&gt; claim\"")))
			.andExpect(content().string(containsString("value=\"2023-02-30\"")))
			.andExpect(content().string(containsString("Please enter a real date, not in the future")))
			.andExpect(content().string(containsString("Please choose a country from the list.")))
			.andExpect(content().string(containsString("Please fill in this field.")))
			.andExpect(content().string(containsString("Please use at most 1000 characters.")))
			.andExpect(content().string(containsString("at most 10 tags")));
		mvc.perform(incident("Range backwards", "datePrecision", "RANGE", "date", "2022-05-10", "dateTo", "2022-05-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("on or after the first day")));
		mvc.perform(incident("Future", "datePrecision", "YEAR", "date", "2999"))
			.andExpect(content().string(containsString("Please enter a real date, not in the future")));
		mvc.perform(incident("Bad kind", "kind", "MASSACRE", "placePrecision", "GALAXY"))
			.andExpect(content().string(containsString("Please choose a kind from the list.")))
			.andExpect(content().string(containsString("Please choose what kind of place this is.")));
		mvc.perform(incident("Control\u0000char"))
			.andExpect(content().string(containsString("Please remove control characters")));
		mvc.perform(incident("No such petition", "petitionIds", "987654321"))
			.andExpect(content().string(containsString("Please choose petitions from the list.")));
		mvc.perform(incident("Not a petition id", "petitionIds", "abc")).andExpect(status().isOk());
	}

	@Test
	void anInvalidReportComesBackWithAMessagePerField() throws Exception {
		long id = create("Reports with problems");
		mvc.perform(post("/admin/evidence/incidents/{id}/reports", id).with(RESEARCHER)
			.with(csrf())
			.param("organisation", "Witness Network")
			.param("title", "t")
			.param("url", "javascript:alert(1)")
			.param("publishedOn", "2023-13-01")
			.param("figure", "f".repeat(201))
			.param("low", "600")
			.param("high", "500")
			.param("reliability", "SURE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"javascript:alert(1)\"")))
			.andExpect(content().string(containsString("starting with http:// or https://")))
			.andExpect(content().string(containsString("Please enter a real date such as 2023-10-20")))
			.andExpect(content().string(containsString("Please use at most 200 characters.")))
			.andExpect(content().string(containsString("no smaller than the low")))
			.andExpect(content().string(containsString("Please choose a reliability grade")));
		assertThat(jdbc.sql("select count(*) from source_report where incident_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void oneReportPerSourceAndUnreadableFiguresAreKeptAndFlagged() throws Exception {
		long id = create("Flagged figures");
		report(id, "Witness Network", "several hundred", "RELIABLE");
		mvc.perform(post("/admin/evidence/incidents/{id}/reports", id).with(RESEARCHER)
			.with(csrf())
			.param("organisation", "witness network")
			.param("title", "Again")
			.param("figure", "30")
			.param("reliability", "RELIABLE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("already has a report on this incident")));
		mvc.perform(get("/admin/evidence/incidents/{id}", id).with(RESEARCHER))
			.andExpect(content().string(containsString("several hundred")))
			.andExpect(content().string(containsString("waiting for a researcher")))
			.andExpect(content().string(containsString("Not yet known")));

		long reportId = jdbc.sql("select id from source_report where incident_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		mvc.perform(post("/admin/evidence/reports/{r}", reportId).with(RESEARCHER)
			.with(csrf())
			.param("organisation", "Witness Network")
			.param("title", "Coded by hand")
			.param("figure", "several hundred")
			.param("low", "200")
			.param("reliability", "RELIABLE")).andExpect(redirectedUrlPattern("/admin/evidence/incidents/*"));
		mvc.perform(get("/admin/evidence/incidents/{id}", id).with(RESEARCHER))
			.andExpect(content().string(containsString("at least 200 (1 source)")));
	}

	@Test
	void aResearcherOverridesTheFigureWithANoteTheReaderSees() throws Exception {
		long id = create("Overridden figure");
		report(id, "Witness Network", "over 500", "RELIABLE");
		report(id, "Border Watch", "600", "RELIABLE");
		mvc.perform(post("/admin/evidence/incidents/{id}/override", id).with(RESEARCHER)
			.with(csrf())
			.param("low", "550")
			.param("best", "700")
			.param("high", "500")
			.param("note", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("from the low up to the high")))
			.andExpect(content().string(containsString("no smaller than the low")))
			.andExpect(content().string(containsString("Please fill in this field.")));
		mvc.perform(post("/admin/evidence/incidents/{id}/override", id).with(RESEARCHER)
			.with(csrf())
			.param("low", "550")
			.param("best", "580")
			.param("high", "600")
			.param("note", "Later <i>testimony</i>"));
		mvc.perform(post("/admin/evidence/incidents/{id}/publish", id).with(RESEARCHER).with(csrf()));
		mvc.perform(get("/evidence/incidents/{id}", id))
			.andExpect(content().string(containsString("550–600 (researchers&#39; estimate, 2 sources)")))
			.andExpect(content().string(containsString("Later &lt;i&gt;testimony&lt;/i&gt;")));
		mvc.perform(post("/admin/evidence/incidents/{id}/override/clear", id).with(RESEARCHER).with(csrf()));
		mvc.perform(get("/evidence/incidents/{id}", id))
			.andExpect(content().string(containsString("500–600 (2 sources)")));
	}

	@Test
	void badFiltersAreAnsweredWithMessagesNotErrors() throws Exception {
		mvc.perform(get("/evidence").param("year", "20x3").param("kind", "NOPE").param("page", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please enter a year such as 2023")))
			.andExpect(content().string(containsString("Please choose a kind from the list.")))
			.andExpect(content().string(containsString("value=\"20x3\"")));
		mvc.perform(get("/evidence").param("q", "'\"&|!:*()<>")).andExpect(status().isOk());
		mvc.perform(get("/evidence").param("place", "%_\\")).andExpect(status().isOk());
		mvc.perform(get("/evidence/timeline").param("kind", "NOPE")).andExpect(status().isBadRequest());
	}

}
