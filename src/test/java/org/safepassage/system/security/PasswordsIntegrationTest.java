package org.safepassage.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.system.security.StaffLogins.account;
import static org.safepassage.system.security.StaffLogins.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Changing a password needs the current one; passphrases of up to 128 characters in any
 * script are kept whole (bcrypt kept only 72 bytes, and refused to hash more with a 500).
 */
class PasswordsIntegrationTest extends IntegrationTest {

	static final String OLD = "the old staff passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void aNewPasswordNeedsTheCurrentOne() throws Exception {
		account(jdbc, encoder, "current@example.org", OLD, "CAMPAIGNER");
		String hash = hashOf("current@example.org");

		mvc.perform(change("current@example.org", "", "a brand new passphrase"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Current password")));
		mvc.perform(change("current@example.org", "a guessed passphrase", "a brand new passphrase"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("This is not your current password.")));
		assertThat(hashOf("current@example.org")).isEqualTo(hash);

		mvc.perform(change("current@example.org", OLD, "a brand new passphrase"))
			.andExpect(redirectedUrl("/login?passwordChanged"));
		mvc.perform(signIn("current@example.org", "a brand new passphrase", "198.51.100.20"))
			.andExpect(redirectedUrl("/admin"));
	}

	@Test
	void longPassphrasesInAnyScriptAreKeptWhole() throws Exception {
		String korean = "우리는 강제 송환에 반대하며 모든 난민에게 안전한 통로를 요구합니다 ".repeat(3).strip();
		String chinese = "我们反对强制遣返，要求为所有难民提供安全通道。".repeat(4);
		String ascii = "an eighty-three character passphrase typed by a careful campaigner on a train home.";
		assertThat(korean.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
		assertThat(korean.length()).isLessThanOrEqualTo(128);
		assertThat(chinese.length()).isLessThanOrEqualTo(128);
		assertThat(ascii).hasSize(83);

		String previous = OLD;
		account(jdbc, encoder, "long@example.org", OLD, "CAMPAIGNER");
		for (String passphrase : new String[] { ascii, korean, chinese }) {
			mvc.perform(change("long@example.org", previous, passphrase))
				.andExpect(redirectedUrl("/login?passwordChanged"));
			mvc.perform(signIn("long@example.org", passphrase, "198.51.100.21")).andExpect(redirectedUrl("/admin"));
			previous = passphrase;
		}
		// Only the first 72 bytes are not enough, as they were with bcrypt.
		String first72Bytes = new String(chinese.getBytes(StandardCharsets.UTF_8), 0, 72, StandardCharsets.UTF_8);
		mvc.perform(signIn("long@example.org", first72Bytes, "198.51.100.21")).andExpect(redirectedUrl("/login?error"));
		assertThat(hashOf("long@example.org")).startsWith("{pbkdf2@SpringSecurity_v5_8}");
	}

	@Test
	void aPasswordOverTheLimitIsRefusedWithAClearMessage() throws Exception {
		account(jdbc, encoder, "limit@example.org", OLD, "CAMPAIGNER");
		String tooLong = "안".repeat(129);
		mvc.perform(change("limit@example.org", OLD, tooLong))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("at least 12 and at most 128 characters")));
		mvc.perform(signIn("limit@example.org", OLD, "198.51.100.22")).andExpect(redirectedUrl("/admin"));
	}

	@Test
	void bcryptHashesStillSignInAndAreRewrittenAsPbkdf2() throws Exception {
		account(jdbc, encoder, "bcrypt@example.org", OLD, "CAMPAIGNER");
		jdbc.sql("update staff_account set password_hash = ? where email = 'bcrypt@example.org'")
			.param("{bcrypt}" + new BCryptPasswordEncoder().encode(OLD))
			.update();

		mvc.perform(signIn("bcrypt@example.org", OLD + " and then some more words to pass seventy-two bytes",
				"198.51.100.23"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(signIn("bcrypt@example.org", OLD, "198.51.100.23")).andExpect(redirectedUrl("/admin"));

		assertThat(hashOf("bcrypt@example.org")).startsWith("{pbkdf2@SpringSecurity_v5_8}");
		mvc.perform(signIn("bcrypt@example.org", OLD, "198.51.100.23")).andExpect(redirectedUrl("/admin"));
	}

	private static MockHttpServletRequestBuilder change(String email, String current, String password) {
		return post("/admin/account/password").with(user(email).roles("CAMPAIGNER"))
			.with(csrf())
			.with(StaffLogins.from("198.51.100.29"))
			.param("currentPassword", current)
			.param("password", password)
			.param("confirmation", password);
	}

	private String hashOf(String email) {
		return jdbc.sql("select password_hash from staff_account where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

}
