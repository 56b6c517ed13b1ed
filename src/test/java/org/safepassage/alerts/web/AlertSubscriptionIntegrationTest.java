package org.safepassage.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Tried as a new supporter would: subscribe, confirm, receive a published alert, leave in
 * one POST.
 */
class AlertSubscriptionIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertLinks links;

	static MockHttpServletRequestBuilder subscribe(String email, String name, String... topics) {
		return post("/alerts/subscribe").with(csrf())
			.param("email", email)
			.param("name", name)
			.param("language", "en")
			.param("topics", topics);
	}

	String state(String email) {
		return jdbc.sql("select state from alert_subscriber where email_key = ?")
			.param(email.toLowerCase())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void subscribeConfirmReceiveAnAlertAndLeaveWithOnePost() throws Exception {
		mvc.perform(get("/alerts/subscribe"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Get alerts by email")));
		mvc.perform(subscribe("grace@example.org", "Grace <b>Kim</b>", "PRAYER", "NEWS"))
			.andExpect(redirectedUrl("/alerts/subscribe/check-your-email"));
		assertThat(state("grace@example.org")).isEqualTo("PENDING");

		MimeMessage confirmation = AlertMailbox.await(MAIL, "grace@example.org", 1);
		assertThat(confirmation.getSubject()).contains("confirm your subscription");
		assertThat(MailParts.html(confirmation)).contains("Grace &lt;b&gt;Kim&lt;/b&gt;");
		String token = AlertMailbox.confirmToken(confirmation);

		// The link's GET (perhaps a mail scanner) only shows a button.
		mvc.perform(get("/alerts/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm my subscription")));
		assertThat(state("grace@example.org")).isEqualTo("PENDING");
		mvc.perform(post("/alerts/confirm").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are subscribed")));
		assertThat(state("grace@example.org")).isEqualTo("CONFIRMED");
		mvc.perform(post("/alerts/confirm").with(csrf()).param("token", token)).andExpect(status().isNotFound());

		// Staff publish a prayer alert and send it now.
		String location = mvc
			.perform(post("/admin/alerts").with(csrf())
				.with(user("campaigner").roles("CAMPAIGNER"))
				.param("kind", "PRAYER")
				.param("title", "Pray for the families <script>")
				.param("date", "2026-11-24")
				.param("language", "en")
				.param("verseText", "Preserve me, O God: for in thee do I put my trust.")
				.param("verseReference", "Psalm 16:1")
				.param("body", "First paragraph.\n\nSecond paragraph.")
				.param("points", "That they are kept safe\nThat China stops the returns"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long alertId = Long.parseLong(location.replaceAll(".*/", ""));
		mvc.perform(get("/admin/alerts/{id}", alertId).with(user("campaigner").roles("CAMPAIGNER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pray for the families &lt;script&gt;")));
		mvc.perform(post("/admin/alerts/{id}/schedule", alertId).with(csrf())
			.with(user("campaigner").roles("CAMPAIGNER"))
			.param("at", "")).andExpect(redirectedUrl("/admin/alerts/" + alertId));

		MimeMessage alert = AlertMailbox.await(MAIL, "grace@example.org", 2);
		assertThat(alert.getSubject()).isEqualTo("Prayer alert: Pray for the families <script>");
		assertThat(alert.getContentType()).startsWith("multipart/alternative");
		String text = MailParts.text(alert);
		String html = MailParts.html(alert);
		assertThat(text).contains("Dear Grace <b>Kim</b>,", "Psalm 16:1", "- That they are kept safe",
				links.preferencesUrl(idOf("grace@example.org")), links.unsubscribeUrl(idOf("grace@example.org")));
		assertThat(html).contains("Dear Grace &lt;b&gt;Kim&lt;/b&gt;,", "Pray for the families &lt;script&gt;")
			.doesNotContain("<img", "<script>");
		// The Message-ID drawn when the delivery was created: random, in the sender's
		// domain.
		assertThat(AlertMailbox.header(alert, "Message-ID")).matches("<[0-9a-f]{32}@safepassage\\.localhost>")
			.isEqualTo(jdbc.sql("select message_id from alert_delivery where alert_id = ? and subscriber_id = ?")
				.param(alertId)
				.param(idOf("grace@example.org"))
				.query(String.class)
				.single());
		assertThat(AlertMailbox.header(alert, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		String listUnsubscribe = AlertMailbox.header(alert, "List-Unsubscribe");
		assertThat(listUnsubscribe).startsWith("<http").endsWith(">");
		String unsubscribePath = URI.create(listUnsubscribe.substring(1, listUnsubscribe.length() - 1)).getPath();

		// RFC 8058: the mail client POSTs without a CSRF token, cookies or session.
		mvc.perform(post(unsubscribePath).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have unsubscribed")));
		assertThat(state("grace@example.org")).isEqualTo("UNSUBSCRIBED");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "SENT"
				.equals(jdbc.sql("select state from alert where id = ?").param(alertId).query(String.class).single()));
		mvc.perform(get("/alerts/{id}", alertId))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("I prayed")));
	}

	long idOf(String email) {
		return jdbc.sql("select id from alert_subscriber where email_key = ?").param(email).query(Long.class).single();
	}

	@Test
	void theVisibleUnsubscribeLinkShowsAButtonAndAGetChangesNothing() throws Exception {
		long id = confirmedSubscriber("visible@example.org");
		String path = links.unsubscribePath(id);
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("Unsubscribe")));
		assertThat(state("visible@example.org")).isEqualTo("CONFIRMED");
		mvc.perform(post(path).with(csrf())).andExpect(status().isOk());
		assertThat(state("visible@example.org")).isEqualTo("UNSUBSCRIBED");
		mvc.perform(get(path)).andExpect(content().string(containsString("You have unsubscribed")));
	}

	@Test
	void preferencesAreReachedOnlyThroughTheSignedLink() throws Exception {
		long id = confirmedSubscriber("prefs@example.org");
		String path = links.preferencesPath(id);
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("prefs@example.org")));
		mvc.perform(post(path).with(csrf()).param("name", "Pat").param("language", "en").param("topics", "ACTION"))
			.andExpect(redirectedUrl(path + "?saved"));
		assertThat(jdbc.sql("select array_to_string(topics, ',') || '/' || name from alert_subscriber where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("ACTION/Pat");

		mvc.perform(post(path).with(csrf())
			.param("name", "Pat\r\nBcc: x@example.org")
			.param("language", "xx")
			.param("topics", "SPAM"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("remove control characters")))
			.andExpect(content().string(containsString("choose a language")))
			.andExpect(content().string(containsString("at least one kind")));

		String tampered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
		mvc.perform(get(tampered))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("We do not recognise this link")));
		mvc.perform(get("/alerts/preferences/{id}/{sig}", id + 1, path.replaceAll(".*/", "")))
			.andExpect(status().isNotFound());
		// An unsubscribe signature does not open the preferences, nor the other way
		// round.
		mvc.perform(get("/alerts/preferences/" + links.unsubscribePath(id).substring("/alerts/unsubscribe/".length())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/alerts/unsubscribe/" + path.substring("/alerts/preferences/".length())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/alerts/preferences/abc/def")).andExpect(status().isNotFound());
		assertThat(state("prefs@example.org")).isEqualTo("CONFIRMED");
	}

	@Test
	void badInputGetsTheSameFormWithAMessagePerFieldAndMailsNobody() throws Exception {
		mvc.perform(subscribe("not-an-email", "<i>Eve</i>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("valid email address")))
			.andExpect(content().string(containsString("at least one kind")))
			.andExpect(content().string(containsString("value=\"not-an-email\"")))
			.andExpect(content().string(containsString("value=\"&lt;i&gt;Eve&lt;/i&gt;\"")));
		mvc.perform(subscribe("eve@example.org", "Eve\r\nBcc: victim@example.org", "PRAYER"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("remove control characters")));
		mvc.perform(subscribe("eve@example.org\r\nBcc: victim@example.org", "Eve", "PRAYER"))
			.andExpect(status().isBadRequest());
		mvc.perform(subscribe("eve@example.org", "x".repeat(5000), "PRAYER", "BOGUS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at most 100 characters")));
		mvc.perform(post("/alerts/subscribe").with(csrf())
			.param("email", "eve@example.org")
			.param("language", "zz")
			.param("topics", "PRAYER"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("choose a language")));
		// Without a CSRF token the form is answered like any other (issue 9, finding 4).
		mvc.perform(post("/alerts/subscribe").param("email", "eve@example.org")).andExpect(status().isBadRequest());
		// Every mail goes through the outbox: none was queued, so none will arrive.
		assertThat(
				jdbc.sql("select count(*) from mail_outbox where recipient like '%victim@%' or recipient like '%eve@%'")
					.query(Long.class)
					.single())
			.isZero();
		assertThat(AlertMailbox.to(MAIL, "victim@example.org")).isEmpty();
		assertThat(AlertMailbox.to(MAIL, "eve@example.org")).isEmpty();
		assertThat(state("eve@example.org")).isNull();

		mvc.perform(get("/alerts/confirm").param("token", "<script>alert(1)</script>"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("We do not recognise this link")))
			.andExpect(content().string(not(containsString("<script>alert"))));
		mvc.perform(get("/alerts/confirm")).andExpect(status().isNotFound());
		mvc.perform(post("/alerts/confirm").with(csrf()).param("token", "A".repeat(32)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/alerts/unsubscribe/1/" + "A".repeat(22))).andExpect(status().isNotFound());
		mvc.perform(post("/alerts/unsubscribe/99999999999999999999999/x")).andExpect(status().isNotFound());
	}

	@Test
	void aNameCarryingALinkIsRefusedOnItsFieldAndMailsNobody() throws Exception {
		mvc.perform(subscribe("linkname@example.org", "Alice visit http://evil.example/", "NEWS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("without web or email addresses")))
			.andExpect(content().string(containsString("value=\"Alice visit http://evil.example/\"")));
		assertThat(state("linkname@example.org")).isNull();
		long id = confirmedSubscriber("linkprefs@example.org");
		mvc.perform(post(links.preferencesPath(id)).with(csrf())
			.param("name", "Pat, see evil.example")
			.param("language", "en")
			.param("topics", "NEWS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("without web or email addresses")));
		assertThat(jdbc.sql("select name from alert_subscriber where id = ?").param(id).query(String.class).single())
			.isEqualTo("Test");
		assertThat(jdbc.sql(
				"select count(*) from mail_outbox where recipient in ('linkname@example.org', 'linkprefs@example.org')")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Per-address limits, as for signatures: over them the form answers the same and
	 * nothing is stored or mailed.
	 */
	@Test
	void subscribingFromOneAddressIsLimitedAndLooksTheSame() throws Exception {
		for (int i = 1; i <= 5; i++) {
			mvc.perform(subscribe("limited" + i + "@example.org", "Lim", "NEWS").with(request -> {
				request.setRemoteAddr("198.51.100.30");
				return request;
			})).andExpect(redirectedUrl("/alerts/subscribe/check-your-email"));
		}
		assertThat(jdbc
			.sql("select recipient from mail_outbox where recipient like 'limited_@example.org' order by recipient")
			.query(String.class)
			.list()).containsExactly("limited1@example.org", "limited2@example.org", "limited3@example.org");
		assertThat(state("limited4@example.org")).isNull();
		assertThat(state("limited5@example.org")).isNull();
	}

	@Test
	void aSubscriptionSentFromAnotherSiteComesBackAsTheFormWithItsValues() throws Exception {
		mvc.perform(subscribe("crosssite@example.org", "Cross", "NEWS").header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("please check it and send it again")))
			.andExpect(content().string(containsString("value=\"crosssite@example.org\"")))
			.andExpect(content().string(containsString("value=\"Cross\"")));
		mvc.perform(subscribe("crosssite@example.org", "Cross", "NEWS").header("Origin", "https://evil.example"))
			.andExpect(status().isBadRequest());
		assertThat(state("crosssite@example.org")).isNull();
		mvc.perform(subscribe("crosssite@example.org", "Cross", "NEWS").header("Sec-Fetch-Site", "same-origin"))
			.andExpect(redirectedUrl("/alerts/subscribe/check-your-email"));
		assertThat(state("crosssite@example.org")).isEqualTo("PENDING");
	}

	/**
	 * As with signatures: anyone may type someone's address again, and that must not take
	 * away the link the owner already has.
	 */
	@Test
	void subscribingAgainLeavesTheEarlierLinkWorking() throws Exception {
		mvc.perform(subscribe("twolinks@example.org", "Ty", "NEWS"));
		String first = AlertMailbox.confirmToken(AlertMailbox.await(MAIL, "twolinks@example.org", 1));
		mvc.perform(subscribe("twolinks@example.org", "Someone else", "NEWS"));
		String second = AlertMailbox.confirmToken(AlertMailbox.await(MAIL, "twolinks@example.org", 2));
		assertThat(second).isNotEqualTo(first);
		mvc.perform(get("/alerts/confirm").param("token", first))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm my subscription")));
		mvc.perform(post("/alerts/confirm").param("token", first))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are subscribed")));
		assertThat(state("twolinks@example.org")).isEqualTo("CONFIRMED");
		// Once confirmed, every link is forgotten.
		mvc.perform(post("/alerts/confirm").param("token", second)).andExpect(status().isNotFound());
		mvc.perform(post("/alerts/confirm").param("token", first)).andExpect(status().isNotFound());
	}

	@Test
	void subscribingAgainRevealsNothingAndMailsOnlyThatAddressAtMostThreeTimes() throws Exception {
		long id = confirmedSubscriber("again@example.org");
		for (int i = 0; i < 5; i++) {
			mvc.perform(subscribe("Again@Example.org", "Someone else", "ACTION"))
				.andExpect(redirectedUrl("/alerts/subscribe/check-your-email"));
		}
		MimeMessage already = AlertMailbox.await(MAIL, "again@example.org", 3);
		assertThat(already.getSubject()).contains("already receive");
		assertThat(MailParts.text(already)).contains(links.preferencesUrl(id));
		// Every mail goes through the outbox: three were queued, so no fourth will
		// arrive.
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?")
			.param("again@example.org")
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(AlertMailbox.to(MAIL, "again@example.org")).hasSize(3);
		// Nobody else's typing changes a confirmed subscriber's settings.
		assertThat(jdbc.sql("select array_to_string(topics, ',') from alert_subscriber where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("PRAYER,NEWS");
	}

	long confirmedSubscriber(String email) {
		return jdbc.sql("""
				insert into alert_subscriber (email, email_key, name, language, topics, state, source, confirmed_at)
				values (?, lower(?), 'Test', 'en', '{PRAYER,NEWS}', 'CONFIRMED', 'test', now()) returning id""")
			.param(email)
			.param(email)
			.query(Long.class)
			.single();
	}

}
