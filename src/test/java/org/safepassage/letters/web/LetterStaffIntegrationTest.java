package org.safepassage.letters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.PetitionDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Campaign staff write a letter campaign, open it and keep its parliamentary record,
 * which the campaign page, the linked petition's record fragment and the JSON API then
 * show.
 */
class LetterStaffIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	static final RequestPostProcessor RESEARCHER = user("researcher@example.org").roles("RESEARCHER");

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionDirectory petitions;

	@Test
	void aCampaignerWritesOpensAndRecordsAndThePublicSeesIt() throws Exception {
		long petition = petitions.demoCampaign().orElseThrow().id();
		mvc.perform(get("/admin/letters").with(RESEARCHER)).andExpect(status().isForbidden());
		String location = mvc
			.perform(post("/admin/letters").with(CAMPAIGNER)
				.with(csrf())
				.param("title", "Ask your MSP about the returns")
				.param("bodies", "scottish-parliament")
				.param("subject", "The forced returns")
				.param("suggestedLetter", "Dear {representative},\n\nPlease ask a question.\n\n{name}")
				.param("guidance", "Use your own words.")
				.param("petitionIds", String.valueOf(petition)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get("/letters/{id}", id)).andExpect(status().isNotFound());

		mvc.perform(post("/admin/letters/{id}/open", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/letters/{id}/open", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/letters/{id}", id).with(CAMPAIGNER))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Open for letters"))));

		mvc.perform(post("/admin/letters/{id}/record", id).with(CAMPAIGNER)
			.with(csrf())
			.param("day", "2023-10-20")
			.param("kind", "nonsense")
			.param("body", "Scottish Parliament")
			.param("link", "javascript:alert(1)")
			.param("summary", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Please choose one of the options.")))
			.andExpect(content().string(Matchers.containsString("starting with https://")));
		mvc.perform(post("/admin/letters/{id}/record", id).with(CAMPAIGNER)
			.with(csrf())
			.param("day", "2023-10-20")
			.param("kind", "MOTION_TABLED")
			.param("body", "Scottish Parliament")
			.param("member", "A member (demo)")
			.param("link", "https://example.org/motion")
			.param("summary", "A motion on the returns was tabled.")).andExpect(status().is3xxRedirection());

		mvc.perform(get("/letters/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("A motion on the returns was tabled.")))
			.andExpect(content().string(Matchers.containsString("Motion tabled")));
		mvc.perform(get("/letters/record").param("petition", String.valueOf(petition)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("A motion on the returns was tabled.")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
		mvc.perform(get("/letters/record").param("petition", String.valueOf(petition)))
			.andExpect(content().string(Matchers.containsString("<html")));
		mvc.perform(get("/petitions/{id}", petition))
			.andExpect(content().string(Matchers.containsString("/letters/record?petition=" + petition)));
		mvc.perform(get("/api/letters/campaigns/{id}", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.record[0].kind").value("MOTION_TABLED"))
			.andExpect(jsonPath("$.record[0].link").value("https://example.org/motion"))
			.andExpect(jsonPath("$.bodies[0].code").value("scottish-parliament"))
			.andExpect(jsonPath("$.petitions[0].id").value(petition));

		mvc.perform(post("/admin/letters/{id}/close", id).with(CAMPAIGNER).with(csrf()));
		mvc.perform(get("/letters/{id}/write", id).param("postcode", "EH99 1SP"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select state from letters_campaign where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("CLOSED");
	}

}
