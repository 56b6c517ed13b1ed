package org.safepassage.system.mail.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.system.mail.Suppressions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Admins see, search, add to and take from the suppression list. */
class SuppressionPageIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");

	static final RequestPostProcessor MODERATOR = user("moderator@example.org").roles("MODERATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	Suppressions suppressions;

	@Test
	void anAdminAddsFindsAndRemovesAnAddress() throws Exception {
		mvc.perform(post("/admin/mail/suppressions").with(ADMIN)
			.with(csrf())
			.param("email", "Asked.To.Stop@example.net")
			.param("note", "phoned <us>")).andExpect(redirectedUrl("/admin/mail/suppressions"));
		assertThat(jdbc.sql("select reason || ' ' || source || ' ' || detail from mail_suppression where address = :a")
			.param("a", "Asked.To.Stop@example.net")
			.query(String.class)
			.single()).isEqualTo("ADDED_BY_STAFF staff:admin@example.org phoned <us>");
		assertThat(suppressions.isSuppressed("asked.to.stop+x@example.net")).isTrue();

		mvc.perform(get("/admin/mail/suppressions").with(ADMIN).param("q", "asked.to"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Asked.To.Stop@example.net")))
			.andExpect(content().string(containsString("phoned &lt;us&gt;")));
		mvc.perform(get("/admin/mail/suppressions").with(ADMIN).param("q", "nobody-like-this"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Asked.To.Stop@example.net"))));

		mvc.perform(post("/admin/mail/suppressions/lift").with(ADMIN)
			.with(csrf())
			.param("address", "Asked.To.Stop@example.net")).andExpect(redirectedUrl("/admin/mail/suppressions"));
		assertThat(suppressions.isSuppressed("asked.to.stop@example.net")).isFalse();
	}

	@Test
	void aWrongAddressIsRefusedWithAMessageAndKept() throws Exception {
		mvc.perform(post("/admin/mail/suppressions").with(ADMIN).with(csrf()).param("email", "not an <address>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"not an &lt;address&gt;\"")));
	}

	@Test
	void onlyAdminsWithATokenMayChangeTheList() throws Exception {
		mvc.perform(get("/admin/mail/suppressions").with(MODERATOR)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/mail/suppressions").with(MODERATOR).with(csrf()).param("email", "m@example.net"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/mail/suppressions").with(ADMIN).param("email", "nocsrf@example.net"))
			.andExpect(status().isForbidden());
		assertThat(suppressions.isSuppressed("m@example.net")).isFalse();
		assertThat(suppressions.isSuppressed("nocsrf@example.net")).isFalse();
	}

}
