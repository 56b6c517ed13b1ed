package org.safepassage.evidence.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new visitor finds the 2023 returns, source by source, on the evidence, timeline and
 * petition pages.
 */
class EvidenceDemoIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	long october() {
		return jdbc.sql("select id from incident where date_from = date '2023-10-09' and created_by = 'demo'")
			.query(Long.class)
			.single();
	}

	@Test
	void theNinthOfOctoberShowsFiveToSixHundredWithBothSources() throws Exception {
		mvc.perform(get("/evidence"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("9 October 2023")))
			.andExpect(content().string(containsString("500–600 (2 sources)")))
			.andExpect(content().string(containsString("Christian Solidarity Worldwide (CSW): over 500")))
			.andExpect(content().string(containsString("Open Doors UK &amp; Ireland: 600")));
		mvc.perform(get("/evidence/incidents/{id}", october()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("500–600 (2 sources)")))
			.andExpect(content().string(containsString("Best estimate: 500")))
			.andExpect(content().string(containsString("over 500")))
			.andExpect(content().string(containsString("500 or more")))
			.andExpect(content().string(containsString(">600<")))
			.andExpect(content().string(containsString("Recognise North Koreans")));
	}

	@Test
	void theAugustAndSeptemberReturnsEachHaveOneSource() throws Exception {
		mvc.perform(get("/evidence").param("organisation", "Human Rights Watch"))
			.andExpect(content().string(containsString("80 (1 source)")))
			.andExpect(content().string(containsString("40 (1 source)")))
			.andExpect(content().string(containsString("2 incidents")));
	}

	@Test
	void theTimelineTableAgreesWithTheIncidentPagesAndLeavesEstimatesOut() throws Exception {
		String page = mvc.perform(get("/evidence/timeline"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<svg")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row(page, "2023-08")).containsSubsequence("August 2023", ">80<", ">80<", ">80<", ">80<", ">80–80<");
		assertThat(row(page, "2023-09")).containsSubsequence("September 2023", ">40<", ">40<", ">40<", ">120<",
				">120–120<");
		assertThat(row(page, "2023-10")).containsSubsequence("October 2023", ">500<", ">500<", ">600<", ">620<",
				">620–720<");
		assertThat(page).contains("Total: 620 people").doesNotContain("4,620");

		mvc.perform(get("/api/evidence/timeline"))
			.andExpect(jsonPath("$.months[2].month").value("2023-10"))
			.andExpect(jsonPath("$.months[2].best").value(500))
			.andExpect(jsonPath("$.months[2].low").value(500))
			.andExpect(jsonPath("$.months[2].high").value(600))
			.andExpect(jsonPath("$.months[2].cumulativeBest").value(620));
		mvc.perform(get("/api/evidence/incidents/{id}", october()))
			.andExpect(jsonPath("$.figure.low").value(500))
			.andExpect(jsonPath("$.figure.best").value(500))
			.andExpect(jsonPath("$.figure.high").value(600))
			.andExpect(jsonPath("$.reports.length()").value(2));
	}

	@Test
	void thePetitionPageShowsItsEvidenceAndTheEstimateApart() throws Exception {
		long petition = jdbc
			.sql("select id from petition where title like 'Recognise North Koreans%' order by id limit 1")
			.query(Long.class)
			.single();
		mvc.perform(get("/petitions/{id}", petition))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The evidence")))
			.andExpect(content().string(containsString("500–600 (2 sources)")))
			.andExpect(content().string(containsString("/evidence/incidents/" + october())))
			.andExpect(content().string(containsString("around 4,000 (according to Release International)")));
	}

	@Test
	void estimatesAreListedAsNotEvents() throws Exception {
		mvc.perform(get("/evidence"))
			.andExpect(content().string(containsString("Estimates that are not events")))
			.andExpect(content().string(containsString("North Koreans returned by China each year")))
			.andExpect(content().string(containsString("at least 500,000")));
		mvc.perform(get("/api/evidence/estimates"))
			.andExpect(jsonPath("$[?(@.statement == 'North Koreans returned by China each year')].figure.low")
				.value(4000));
	}

	@Test
	void fullTextSearchFindsIncidentsByTheirSummaryAndReports() throws Exception {
		mvc.perform(get("/evidence").param("q", "women"))
			.andExpect(content().string(containsString("Hundreds of North Koreans returned from China overnight")))
			.andExpect(content().string(containsString("1 incident")));
		mvc.perform(get("/evidence").param("q", "Open Doors"))
			.andExpect(content().string(containsString("Hundreds of North Koreans returned from China overnight")));
	}

	private static String row(String page, String month) {
		Matcher m = Pattern.compile("<tr id=\"month-" + month + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("a table row for " + month).isTrue();
		return m.group(1);
	}

}
