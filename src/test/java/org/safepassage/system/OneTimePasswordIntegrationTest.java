package org.safepassage.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;

/** A one-time password only lets its holder choose a new one; then the new one works. */
class OneTimePasswordIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void staffWithAOneTimePasswordMustChooseANewOneFirst() throws Exception {
		var mustChange = user("new@example.org").authorities(new SimpleGrantedAuthority("ROLE_CAMPAIGNER"),
				new SimpleGrantedAuthority("PASSWORD_CHANGE_REQUIRED"));
		mvc.perform(get("/admin").with(mustChange)).andExpect(redirectedUrl("/admin/account/password"));
		mvc.perform(get("/admin/account/password").with(mustChange)).andExpect(status().isOk());
	}

	@Test
	void aNewPasswordMustBeLongAndTypedTwice() throws Exception {
		jdbc.sql("""
				insert into staff_account (email, display_name, password_hash, roles, must_change_password)
				values ('fresh@example.org', 'Fresh', ?, '{CAMPAIGNER}', true)
				on conflict do nothing""").param(encoder.encode("one-time-pass")).update();
		var fresh = user("fresh@example.org").roles("CAMPAIGNER");
		mvc.perform(post("/admin/account/password").with(fresh)
			.with(csrf())
			.param("currentPassword", "one-time-pass")
			.param("password", "short")
			.param("confirmation", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("at least 12 and at most 128 characters")));
		mvc.perform(post("/admin/account/password").with(fresh)
			.with(csrf())
			.param("currentPassword", "one-time-pass")
			.param("password", "a long enough passphrase")
			.param("confirmation", "a different passphrase"))
			.andExpect(content().string(Matchers.containsString("The two passwords are not the same.")));
		mvc.perform(post("/admin/account/password").with(fresh)
			.with(csrf())
			.param("currentPassword", "one-time-pass")
			.param("password", "a long enough passphrase")
			.param("confirmation", "a long enough passphrase")).andExpect(redirectedUrl("/login?passwordChanged"));
		mvc.perform(SecurityMockMvcRequestBuilders.formLogin()
			.user("fresh@example.org")
			.password("a long enough passphrase")).andExpect(redirectedUrl("/admin"));
	}

}
