package org.safepassage.evidence.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The JSON API answers with published data, and with a problem detail for anything it
 * cannot use.
 */
class EvidenceApiIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void incidentsCarryEachSourcesFigureAndTheReconciledOne() throws Exception {
		mvc.perform(get("/api/evidence/incidents").param("organisation", "Open Doors"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].dateFrom").value("2023-10-09"))
			.andExpect(jsonPath("$.items[0].figure.low").value(500))
			.andExpect(jsonPath("$.items[0].figure.high").value(600))
			.andExpect(jsonPath("$.items[0].figure.sources").value(2))
			.andExpect(jsonPath("$.items[0].reports[*].figure.text", hasItem("over 500")))
			.andExpect(jsonPath("$.items[0].reports[?(@.figure.text == 'over 500')].figure.high")
				.value(Matchers.contains((Object) null)));
	}

	@Test
	void badParametersAreA400ProblemDetailNamingEachOne() throws Exception {
		mvc.perform(get("/api/evidence/incidents").param("year", "abc").param("kind", "NOPE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[*].parameter", hasItem("year")))
			.andExpect(jsonPath("$.errors[*].parameter", hasItem("kind")));
		mvc.perform(get("/api/evidence/incidents").param("q", "x".repeat(201))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/evidence/timeline").param("kind", "NOPE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("kind"));
		mvc.perform(get("/api/evidence/incidents/not-a-number")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/evidence/incidents/987654321"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void theOpenApiDescriptionListsEveryEvidenceEndpoint() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/evidence/incidents'].get").exists())
			.andExpect(jsonPath("$.paths['/api/evidence/incidents/{id}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/evidence/incidents/{id}/reports'].get").exists())
			.andExpect(jsonPath("$.paths['/api/evidence/estimates'].get").exists())
			.andExpect(jsonPath("$.paths['/api/evidence/timeline'].get").exists())
			.andExpect(jsonPath("$.paths['/admin/evidence']").doesNotExist());
		mvc.perform(get("/v3/api-docs.yaml"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/evidence/incidents/{id}/reports:")));
	}

}
