package org.safepassage.petitions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Staff write, moderate, open, close and deliver petitions through the admin pages. */
class StaffWorkflowIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	static final RequestPostProcessor MODERATOR = user("moderator@example.org").roles("MODERATOR");

	long create(String title) throws Exception {
		String location = mvc
			.perform(post("/admin/petitions").with(CAMPAIGNER)
				.with(csrf())
				.param("title", title)
				.param("background", "Why.\n\nMore.")
				.param("demands", "Grant refugee status\n\nAllow safe passage\nStop forced returns")
				.param("target", "Embassy of the People's Republic of China, London")
				.param("signatureGoal", "50000")
				.param("closingDate", LocalDate.now(clock).plusDays(30).toString()))
			.andExpect(redirectedUrlPattern("/admin/petitions/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	MultiValueMap<String, String> delivery() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("deliveredOn", LocalDate.now(clock).toString());
		form.add("recipientName", "The duty officer");
		form.add("recipientOffice", "Embassy");
		form.add("method", "IN_PERSON");
		form.add("notes", "Handed to the embassy on 1 March");
		return form;
	}

	@Test
	void aPetitionGoesFromDraftToDelivered() throws Exception {
		long id = create("Let them reach safety");
		Petition draft = repository.find(id).orElseThrow();
		assertThat(draft.state()).isEqualTo(PetitionState.DRAFT);
		assertThat(draft.content().demands()).containsExactly("Grant refugee status", "Allow safe passage",
				"Stop forced returns");
		mvc.perform(get("/petitions/{id}", id)).andExpect(status().isNotFound());

		mvc.perform(post("/admin/petitions/{id}/submit", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		// Campaigners cannot open their own petition.
		mvc.perform(post("/admin/petitions/{id}/open", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/petitions/{id}/open", id).with(MODERATOR).with(csrf()))
			.andExpect(flash().attribute("done", true));
		mvc.perform(get("/petitions/{id}", id)).andExpect(status().isOk());

		// A step the state does not allow is refused with a message, and changes nothing.
		mvc.perform(post("/admin/petitions/{id}/delivery", id).with(CAMPAIGNER).with(csrf()).params(delivery()))
			.andExpect(flash().attribute("ruleError", "petition.rule.deliverOnlyClosed"));
		assertThat(repository.find(id).orElseThrow().state()).isEqualTo(PetitionState.OPEN);

		mvc.perform(post("/admin/petitions/{id}/close", id).with(CAMPAIGNER).with(csrf()));
		mvc.perform(post("/admin/petitions/{id}/delivery", id).with(CAMPAIGNER).with(csrf()).params(delivery()));
		Petition delivered = repository.find(id).orElseThrow();
		assertThat(delivered.state()).isEqualTo(PetitionState.DELIVERED);
		mvc.perform(get("/petitions/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Handed to the embassy on 1 March")));
	}

	@Test
	void aRejectionCarriesAReasonTheCreatorSees() throws Exception {
		long id = create("Too vague");
		mvc.perform(post("/admin/petitions/{id}/submit", id).with(CAMPAIGNER).with(csrf()));
		mvc.perform(post("/admin/petitions/{id}/reject", id).with(MODERATOR)
			.with(csrf())
			.param("reason", "Please <b>name</b> a target"));
		mvc.perform(get("/admin/petitions/{id}", id).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rejected: Please &lt;b&gt;name&lt;/b&gt; a target")));
	}

	@Test
	void invalidPetitionFormsComeBackWithMessagesAndValues() throws Exception {
		mvc.perform(post("/admin/petitions").with(CAMPAIGNER)
			.with(csrf())
			.param("title", "标题")
			.param("background", "")
			.param("demands", "x".repeat(600))
			.param("target", "t")
			.param("signatureGoal", "lots")
			.param("closingDate", "2001-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"标题\"")))
			.andExpect(content().string(containsString("Please fill in this field.")))
			.andExpect(content().string(containsString("Please enter a whole number from 1")))
			.andExpect(content().string(containsString("Please choose a date in the future, or leave it empty.")))
			.andExpect(content().string(containsString("at most 10 demands")));
	}

	@Test
	void adminPagesNeedASignedInStaffMemberAndACsrfToken() throws Exception {
		mvc.perform(get("/admin")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/petitions/1/close").with(CAMPAIGNER)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/outbox").with(CAMPAIGNER)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/staff").with(MODERATOR)).andExpect(status().isForbidden());
	}

	@Test
	void theFirstAdminSignsInWithTheConfiguredPassword() throws Exception {
		mvc.perform(
				SecurityMockMvcRequestBuilders.formLogin().user("admin@example.org").password("correct horse battery"))
			.andExpect(MockMvcResultMatchers.redirectedUrl("/admin"));
		mvc.perform(SecurityMockMvcRequestBuilders.formLogin().user("admin@example.org").password("wrong"))
			.andExpect(redirectedUrlPattern("/login?error*"));
	}

	@Test
	void staffReadQueuedMailInTheOutbox() throws Exception {
		long mailId = jdbc
			.sql("""
					insert into mail_outbox (recipient, subject, text_body, html_body, category, status)
					values ('reader@example.org', 'Hello <there>', 'Open http://localhost/x?token=abc', '<p>hi</p>', 'test', 'sent')
					returning id""")
			.query(Long.class)
			.single();
		RequestPostProcessor admin = user("admin@example.org").roles("ADMIN");
		mvc.perform(get("/admin/outbox").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hello &lt;there&gt;")));
		mvc.perform(get("/admin/outbox/{id}", mailId).with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reader@example.org")));
		mvc.perform(get("/admin/outbox/{id}", 987654321L).with(admin)).andExpect(status().isNotFound());
	}

}
