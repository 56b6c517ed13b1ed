package org.safepassage.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Preference links expire and then show nobody's address; unsubscribe links keep working
 * for years.
 */
class PreferenceLinksIntegrationTest extends IntegrationTest {

	static final Pattern PREFERENCES_LINK = Pattern.compile("http://[^/\\s]+(/alerts/preferences/\\d+/[^\\s\"<]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertLinks links;

	@Test
	void aPreferencesLinkWorksForNinetyDaysThenOffersAFreshOneWithoutShowingTheAddress() throws Exception {
		long id = confirmedSubscriber("expiring@example.org", "Ada Lovelace");
		String path = links.preferencesPath(id);
		clock.advance(Duration.ofDays(89));
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("expiring@example.org")));

		clock.advance(Duration.ofDays(2));
		mvc.perform(get(path))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has expired")))
			.andExpect(content().string(containsString("Email me a new link")))
			.andExpect(content().string(containsString(links.unsubscribePath(id))))
			.andExpect(content().string(not(containsString("expiring@example.org"))))
			.andExpect(content().string(not(containsString("Ada Lovelace"))));
		mvc.perform(post(path).with(csrf()).param("name", "Mallory").param("language", "en").param("topics", "NEWS"))
			.andExpect(status().isGone())
			.andExpect(content().string(not(containsString("expiring@example.org"))));
		assertThat(settings(id)).isEqualTo("PRAYER,NEWS/Ada Lovelace");

		mvc.perform(post(path + "/new-link").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("a new link")))
			.andExpect(content().string(not(containsString("expiring@example.org"))));
		MimeMessage mail = AlertMailbox.await(MAIL, "expiring@example.org", 1);
		String fresh = preferencesPathIn(mail);
		assertThat(MailParts.text(mail)).contains(links.unsubscribeUrl(id));
		mvc.perform(get(fresh))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("expiring@example.org")));

		// Asking again soon after mails nothing more, and the answer is the same.
		mvc.perform(post(path + "/new-link").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("a new link")));
		assertThat(mailsTo("expiring@example.org")).isEqualTo(1);
	}

	@Test
	void aLinkFromAMailSentBeforeLinksExpiredIsTreatedAsExpired() throws Exception {
		long id = confirmedSubscriber("oldmail@example.org", "Grace");
		String legacy = legacyPreferencesPath(id);
		mvc.perform(get(legacy))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Email me a new link")))
			.andExpect(content().string(not(containsString("oldmail@example.org"))));
		mvc.perform(post(legacy + "/new-link").with(csrf())).andExpect(status().isOk());
		assertThat(preferencesPathIn(AlertMailbox.await(MAIL, "oldmail@example.org", 1)))
			.startsWith("/alerts/preferences/" + id + "/");
		// A tampered old link is still unknown.
		String tampered = legacy.substring(0, legacy.length() - 1) + (legacy.endsWith("A") ? "B" : "A");
		mvc.perform(get(tampered)).andExpect(status().isNotFound());
		mvc.perform(post(tampered + "/new-link").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void afterUnsubscribingThePreferencesPageShowsNeitherAddressNorNameNorTopics() throws Exception {
		long id = confirmedSubscriber("leaver@example.org", "Ada Lovelace");
		mvc.perform(post(links.unsubscribePath(id)).with(csrf())).andExpect(status().isOk());
		mvc.perform(get(links.preferencesPath(id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have unsubscribed")))
			.andExpect(content().string(not(containsString("leaver@example.org"))))
			.andExpect(content().string(not(containsString("Ada Lovelace"))))
			.andExpect(content().string(not(containsString("Prayer alerts"))));
		// Nor is a fresh link mailed to an address that left.
		mvc.perform(post(links.preferencesPath(id) + "/new-link").with(csrf())).andExpect(status().isOk());
		assertThat(mailsTo("leaver@example.org")).isZero();
	}

	@Test
	void unsubscribeLinksKeepWorkingForYears() throws Exception {
		long id = confirmedSubscriber("patient@example.org", "Pat");
		String path = links.unsubscribePath(id);
		clock.advance(Duration.ofDays(3 * 365));
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Unsubscribe")))
			.andExpect(content().string(not(containsString("patient@example.org"))));
		mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have unsubscribed")));
		assertThat(jdbc.sql("select state from alert_subscriber where id = ?").param(id).query(String.class).single())
			.isEqualTo("UNSUBSCRIBED");
	}

	/**
	 * The preferences link every mail carried before links had an issue date: the
	 * subscriber id signed with the link secret, nothing else.
	 */
	String legacyPreferencesPath(long id) throws Exception {
		links.unsubscribePath(id);
		byte[] secret = jdbc.sql("select secret from alert_link_secret").query(byte[].class).single();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		byte[] signature = Arrays.copyOf(mac.doFinal(("PREFERENCES:" + id).getBytes(StandardCharsets.US_ASCII)), 16);
		return "/alerts/preferences/" + id + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
	}

	static String preferencesPathIn(MimeMessage mail) throws Exception {
		Matcher matcher = PREFERENCES_LINK.matcher(MailParts.text(mail));
		if (!matcher.find()) {
			throw new AssertionError("no preferences link in " + MailParts.text(mail));
		}
		return matcher.group(1);
	}

	long mailsTo(String email) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(email).query(Long.class).single();
	}

	String settings(long id) {
		return jdbc.sql("select array_to_string(topics, ',') || '/' || name from alert_subscriber where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	long confirmedSubscriber(String email, String name) {
		return jdbc.sql("""
				insert into alert_subscriber (email, email_key, name, language, topics, state, source, confirmed_at)
				values (?, lower(?), ?, 'en', '{PRAYER,NEWS}', 'CONFIRMED', 'test', now()) returning id""")
			.params(email, email, name)
			.query(Long.class)
			.single();
	}

}
