package org.safepassage.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.alerts.demo.AlertDemo;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The public archive, the Atom 1.0 feed, "I prayed", and the demo alerts they start with.
 */
class AlertArchiveIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertLifecycle lifecycle;

	long demoPrayerAlert() {
		return jdbc.sql("select id from alert where title = ?")
			.param(AlertDemo.PRAYER_TITLE)
			.query(Long.class)
			.single();
	}

	@Test
	void theDemoAlertsAreInTheArchiveAsSentAndNobodyWasMailed() throws Exception {
		assertThat(jdbc.sql("select count(*) from alert where created_by = 'demo' and state = 'SENT'")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc
			.sql("select count(*) from alert_delivery d join alert a on a.id = d.alert_id where a.created_by = 'demo'")
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/alerts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(AlertDemo.PRAYER_TITLE)))
			.andExpect(content().string(containsString(AlertDemo.NEWS_TITLE)))
			.andExpect(content().string(containsString("/alerts/feed/en.atom")));
		long id = demoPrayerAlert();
		mvc.perform(get("/alerts/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Psalm 16:1")))
			.andExpect(content().string(containsString("Preserve me, O God")))
			.andExpect(content().string(containsString("Please pray")))
			.andExpect(content().string(containsString("/petitions/")))
			.andExpect(content().string(containsString("/evidence/incidents/")))
			.andExpect(content().string(not(containsString("style=\""))));
		assertThat(
				jdbc.sql("select cardinality(points) from alert where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(4);
	}

	@Test
	void theFeedIsAtomOnePointZeroWithTheArchivedAlerts() throws Exception {
		String xml = mvc.perform(get("/alerts/feed/en.atom"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/atom+xml")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(document.getDocumentElement().getLocalName()).isEqualTo("feed");

		Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getId()).endsWith("/alerts/feed/en.atom");
		assertThat(feed.getTitle()).isNotBlank();
		assertThat(feed.getUpdated()).isNotNull();
		assertThat(feed.getAuthors()).isNotEmpty();
		assertThat(feed.getOtherLinks()).anyMatch(l -> "self".equals(l.getRel()));
		List<Entry> entries = feed.getEntries();
		assertThat(entries).extracting(Entry::getTitle)
			.contains("Prayer alert: " + AlertDemo.PRAYER_TITLE, "News: " + AlertDemo.NEWS_TITLE);
		for (Entry entry : entries) {
			assertThat(entry.getId()).contains("/alerts/");
			assertThat(entry.getUpdated()).isNotNull();
			assertThat(entry.getAlternateLinks()).isNotEmpty();
		}
		mvc.perform(get("/alerts/feed/xx.atom")).andExpect(status().isNotFound());
	}

	@Test
	void draftsAndScheduledAlertsAreNotPublic() throws Exception {
		long draft = lifecycle.create(new AlertContent(AlertKind.NEWS, "Secret draft", LocalDate.now(clock), "en", null,
				null, "Not yet", List.of(), List.of(), List.of()), "test");
		mvc.perform(get("/alerts/{id}", draft)).andExpect(status().isNotFound());
		mvc.perform(get("/alerts")).andExpect(content().string(not(containsString("Secret draft"))));
		mvc.perform(get("/alerts/feed/en.atom")).andExpect(content().string(not(containsString("Secret draft"))));
		mvc.perform(post("/alerts/{id}/prayed", draft).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/alerts/12345678")).andExpect(status().isNotFound());
	}

	@Test
	void iPrayedCountsOncePerBrowserPerDayAndStoresNothingAboutThePerson() throws Exception {
		long id = demoPrayerAlert();
		long before = prayed(id);
		Cookie remembered = mvc.perform(post("/alerts/{id}/prayed", id).with(csrf()))
			.andExpect(redirectedUrl("/alerts/" + id + "?prayed#pray"))
			.andExpect(cookie().value("prayed-" + id, LocalDate.now(ZoneId.of("Europe/London")).toString()))
			.andReturn()
			.getResponse()
			.getCookie("prayed-" + id);
		assertThat(prayed(id)).isEqualTo(before + 1);
		mvc.perform(post("/alerts/{id}/prayed", id).with(csrf()).cookie(remembered));
		assertThat(prayed(id)).isEqualTo(before + 1);
		mvc.perform(get("/alerts/{id}", id).param("prayed", "").cookie(remembered))
			.andExpect(content().string(containsString("Thank you for praying")))
			.andExpect(content().string(not(containsString(">I prayed<"))));
		// Another browser counts too; yesterday's cookie does not stop today's prayer.
		mvc.perform(post("/alerts/{id}/prayed", id).with(csrf()).cookie(new Cookie("prayed-" + id, "2020-01-01")));
		assertThat(prayed(id)).isEqualTo(before + 2);
		mvc.perform(post("/alerts/{id}/prayed", id)).andExpect(status().isForbidden());
		// A news alert has no prayer button.
		long news = jdbc.sql("select id from alert where title = ?")
			.param(AlertDemo.NEWS_TITLE)
			.query(Long.class)
			.single();
		mvc.perform(post("/alerts/{id}/prayed", news).with(csrf()));
		assertThat(prayed(news)).isZero();
	}

	@Test
	void aScriptThatDropsCookiesCountsAtMostThreeTimesPerAddressPerDay() throws Exception {
		long id = jdbc.sql("""
				insert into alert (kind, title, alert_date, language, body, state, sent_at, created_by)
				values ('PRAYER', 'Counted per address', date '2026-01-01', 'en', 'Body', 'SENT', now(), 'test')
				returning id""").query(Long.class).single();
		try {
			for (int i = 0; i < 10; i++) {
				mvc.perform(post("/alerts/{id}/prayed", id).with(csrf()).with(from("203.0.113.7")))
					.andExpect(redirectedUrl("/alerts/" + id + "?prayed#pray"));
			}
			assertThat(prayed(id)).isEqualTo(3);
			mvc.perform(post("/alerts/{id}/prayed", id).with(csrf()).with(from("203.0.113.8")));
			assertThat(prayed(id)).isEqualTo(4);
			// IPv6: one /64 is one address.
			for (String address : List.of("2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:aaaa::3",
					"2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::5")) {
				mvc.perform(post("/alerts/{id}/prayed", id).with(csrf()).with(from(address)));
			}
			assertThat(prayed(id)).isEqualTo(7);
			mvc.perform(post("/alerts/{id}/prayed", id).with(csrf()).with(from("2001:db8:1:3::1")));
			assertThat(prayed(id)).isEqualTo(8);
			clock.advance(Duration.ofDays(1));
			mvc.perform(post("/alerts/{id}/prayed", id).with(csrf()).with(from("203.0.113.7")));
			assertThat(prayed(id)).isEqualTo(9);
		}
		finally {
			jdbc.sql("delete from alert where id = ?").param(id).update();
		}
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void staffFormsKeepTheirValuesAndExplainEachProblem() throws Exception {
		var staff = SecurityMockMvcRequestPostProcessors.user("c").roles("CAMPAIGNER");
		mvc.perform(get("/admin/alerts").with(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(AlertDemo.PRAYER_TITLE)))
			.andExpect(content().string(containsString("confirmed")));
		mvc.perform(get("/admin/alerts/new").with(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Recognise North Koreans")));
		mvc.perform(post("/admin/alerts").with(csrf())
			.with(staff)
			.param("kind", "GOSSIP")
			.param("title", "<b>Title</b>")
			.param("date", "23/11/2023")
			.param("language", "en")
			.param("verseText", "A verse without reference")
			.param("body", "")
			.param("points", "x".repeat(700))
			.param("petitionIds", "987654"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("choose a kind of alert")))
			.andExpect(content().string(containsString("real date such as 2023-11-23")))
			.andExpect(content().string(containsString("both the verse and its reference")))
			.andExpect(content().string(containsString("at most 12 points")))
			.andExpect(content().string(containsString("choose petitions from the list")))
			.andExpect(content().string(containsString("value=\"&lt;b&gt;Title&lt;/b&gt;\"")))
			.andExpect(content().string(containsString("value=\"23/11/2023\"")));
		long id = lifecycle.create(new AlertContent(AlertKind.NEWS, "Draft to edit", LocalDate.now(clock), "en", null,
				null, "Text", List.of(), List.of(), List.of()), "test");
		mvc.perform(get("/admin/alerts/{id}/edit", id).with(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Draft to edit")));
		mvc.perform(post("/admin/alerts/{id}/schedule", id).with(csrf()).with(staff).param("at", "tomorrow"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("date and time such as")));
		mvc.perform(post("/admin/alerts/{id}/schedule", id).with(csrf()).with(staff).param("at", "2999-01-01T09:00"))
			.andExpect(redirectedUrl("/admin/alerts/" + id));
		mvc.perform(post("/admin/alerts/{id}", id).with(csrf())
			.with(staff)
			.param("kind", "NEWS")
			.param("title", "Changed")
			.param("date", "2026-01-01")
			.param("language", "en")
			.param("body", "Text"))
			.andExpect(redirectedUrl("/admin/alerts/" + id))
			.andExpect(MockMvcResultMatchers.flash().attribute("ruleError", "alerts.rule.reviseOnlyDraft"));
		mvc.perform(post("/admin/alerts/{id}/unschedule", id).with(csrf()).with(staff))
			.andExpect(redirectedUrl("/admin/alerts/" + id));
		assertThat(jdbc.sql("select state from alert where id = ?").param(id).query(String.class).single())
			.isEqualTo("DRAFT");
		mvc.perform(get("/admin/alerts/{id}", 99999999).with(staff)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/alerts").with(SecurityMockMvcRequestPostProcessors.user("r").roles("RESEARCHER")))
			.andExpect(status().isForbidden());
	}

	long prayed(long id) {
		return jdbc.sql("select prayed from alert where id = ?").param(id).query(Long.class).single();
	}

}
