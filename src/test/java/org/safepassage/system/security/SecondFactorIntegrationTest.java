package org.safepassage.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safepassage.system.security.StaffLogins.account;
import static org.safepassage.system.security.StaffLogins.session;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * When an admin requires a second factor, the password alone no longer opens the admin
 * pages: an emailed one-time code completes the sign-in.
 */
class SecondFactorIntegrationTest extends IntegrationTest {

	static final String PASSWORD = "a long staff passphrase";

	static final Pattern LINK = Pattern.compile("http://[^\\s]+/login/ott\\?token=([0-9a-f-]{36})");

	@Autowired
	MockMvc mvc;

	@Autowired
	PasswordEncoder encoder;

	@AfterEach
	void optionalAgain() {
		jdbc.sql("update security_setting set second_factor_required = false").update();
	}

	@Test
	void anAdminRequiresASecondFactorOnTheStaffPageAndItIsAudited() throws Exception {
		mvc.perform(post("/admin/staff/second-factor").with(user("admin@example.org").roles("ADMIN"))
			.with(csrf())
			.param("required", "true")).andExpect(redirectedUrl("/admin/staff"));

		assertThat(jdbc.sql("select second_factor_required from security_setting").query(Boolean.class).single())
			.isTrue();
		assertThat(jdbc.sql("""
				select count(*) from staff_audit
				where actor = 'admin@example.org' and action = 'second-factor.required' and outcome = 'true'""")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void whenRequiredTheEmailedCodeCompletesTheSignIn() throws Exception {
		require();
		account(jdbc, encoder, "second@example.org", PASSWORD, "CAMPAIGNER");
		Cookie session = session(mvc, "second@example.org", PASSWORD, "198.51.100.21");

		MvcResult refused = mvc.perform(get("/admin/alerts").cookie(session)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(302);
		assertThat(refused.getResponse().getRedirectedUrl()).contains("/login/second-factor");
		mvc.perform(get("/login/second-factor").cookie(session)).andExpect(status().isOk());

		mvc.perform(post("/ott/generate").cookie(session).with(csrf())).andExpect(redirectedUrl("/login/ott?sent"));
		String code = codeMailedTo("second@example.org");
		mvc.perform(get("/login/ott").param("token", code)).andExpect(status().isOk());

		// Where to go after signing in is remembered in a cookie, as a browser would send
		// it.
		Cookie wanted = refused.getResponse().getCookie("REDIRECT_URI");
		assertThat(wanted).isNotNull();
		MvcResult signedIn = mvc.perform(post("/login/ott").cookie(session, wanted).with(csrf()).param("token", code))
			.andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).contains("/admin/alerts");
		Cookie full = signedIn.getResponse().getCookie("SESSION");
		session = (full != null) ? full : session;
		mvc.perform(get("/admin/alerts").cookie(session)).andExpect(status().isOk());

		// A code works once.
		mvc.perform(post("/login/ott").with(csrf()).param("token", code)).andExpect(redirectedUrl("/login/ott?error"));
	}

	@Test
	void whenRequiredAWrongCodeLeavesTheAdminPagesClosed() throws Exception {
		require();
		account(jdbc, encoder, "wrongcode@example.org", PASSWORD, "CAMPAIGNER");
		Cookie session = session(mvc, "wrongcode@example.org", PASSWORD, "198.51.100.22");

		mvc.perform(
				post("/login/ott").cookie(session).with(csrf()).param("token", "00000000-0000-0000-0000-000000000000"))
			.andExpect(redirectedUrl("/login/ott?error"));
		assertThat(mvc.perform(get("/admin").cookie(session)).andReturn().getResponse().getRedirectedUrl())
			.contains("/login/second-factor");
	}

	@Test
	void anEmailedCodeAloneOpensNothingAndIsOnlySentAfterThePassword() throws Exception {
		account(jdbc, encoder, "codeonly@example.org", PASSWORD, "CAMPAIGNER");
		// Without a password sign-in the form sends nothing, whatever account it names.
		mvc.perform(post("/ott/generate").with(csrf()).param("username", "codeonly@example.org"))
			.andExpect(status().is3xxRedirection());
		Cookie session = session(mvc, "codeonly@example.org", PASSWORD, "198.51.100.23");
		mvc.perform(post("/ott/generate").cookie(session).with(csrf())).andExpect(redirectedUrl("/login/ott?sent"));
		String code = codeMailedTo("codeonly@example.org");
		// One code, sent after the password; other tests' mail may still be arriving.
		assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(m -> to(m).contains("codeonly@example.org")))
			.hasSize(1);

		// Someone who reads the mailbox but has no password session.
		MvcResult mailboxOnly = mvc.perform(post("/login/ott").with(csrf()).param("token", code)).andReturn();
		Cookie stranger = mailboxOnly.getResponse().getCookie("SESSION");
		assertThat(stranger).isNotNull();
		assertThat(mvc.perform(get("/admin/alerts").cookie(stranger)).andReturn().getResponse().getStatus())
			.isNotEqualTo(200);
	}

	private void require() {
		jdbc.sql("update security_setting set second_factor_required = true").update();
	}

	private static String codeMailedTo(String email) throws Exception {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> to(m).contains(email)));
		MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> to(m).contains(email))
			.findFirst()
			.orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("Your SafePassage sign-in code");
		String text = MailParts.text(mail);
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		assertThat(text.lines()).contains(link.group(1));
		return link.group(1);
	}

	private static String to(MimeMessage mail) {
		try {
			return GreenMailUtil.getAddressList(mail.getAllRecipients());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
