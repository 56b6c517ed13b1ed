package org.safepassage.booklets.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.booklets.BookletFixtures;
import org.safepassage.booklets.domain.BookletRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A supporter orders a published booklet through the real pages and confirms by mail: the
 * link's page does not confirm, its button does, once, and only then is the stock taken.
 * What the form refuses it refuses beside the field, with the values kept.
 */
class BookletOrderIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	BookletRepository booklets;

	int stock(long id) {
		return booklets.find(id).orElseThrow().stock();
	}

	String orderStatus(String email) {
		return jdbc.sql("select status from booklet_order where email = :e")
			.param("e", email)
			.query(String.class)
			.single();
	}

	@Test
	void anOrderIsConfirmedByTheButtonNotTheLinkAndTakesStockOnce() throws Exception {
		long id = BookletFixtures.published(booklets, "Praying through the winter", 20, 5);
		mvc.perform(get("/resources"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Praying through the winter")));
		mvc.perform(get("/resources/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Korean (한국어)")))
			.andExpect(content().string(Matchers.containsString("Available: free, posted to you")))
			.andExpect(content().string(Matchers.not(Matchers.containsString(">20<"))));

		String email = "minjun.reader@example.org";
		mvc.perform(BookletFixtures.order(id, 3, email))
			.andExpect(redirectedUrl("/resources/" + id + "/check-your-email"));
		assertThat(orderStatus(email)).isEqualTo("UNCONFIRMED");
		assertThat(stock(id)).isEqualTo(20);

		MimeMessage mail = BookletFixtures.await(MAIL, email, 1);
		assertThat(mail.getSubject()).isEqualTo("Please confirm your order: Praying through the winter");
		assertThat(MailParts.text(mail)).contains("Dear Min-jun Example,")
			.contains("3 copies of \"Praying through the winter\" in Korean (한국어)");
		String token = BookletFixtures.confirmToken(mail);

		mvc.perform(get("/resources/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Confirm my order")));
		assertThat(orderStatus(email)).isEqualTo("UNCONFIRMED");
		assertThat(stock(id)).isEqualTo(20);

		mvc.perform(post("/resources/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("your order is confirmed")));
		mvc.perform(post("/resources/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Already confirmed")));
		assertThat(orderStatus(email)).isEqualTo("CONFIRMED");
		assertThat(stock(id)).isEqualTo(17);

		mvc.perform(post("/resources/confirm").param("token", "x".repeat(32))).andExpect(status().isNotFound());
		mvc.perform(get("/resources/confirm").param("token", "<script>")).andExpect(status().isNotFound());
	}

	@Test
	void theLimitTheLanguageAndTheCountryAreCheckedBesideTheFieldsWithTheValuesKept() throws Exception {
		long id = BookletFixtures.published(booklets, "A guide with a limit", 50, 4);
		String email = "limited.reader@example.org";
		mvc.perform(BookletFixtures.order(id, 5, email))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("One order can have at most 4 copies")))
			.andExpect(content().string(Matchers.containsString("value=\"12 Example Road\"")))
			.andExpect(content().string(Matchers.containsString("value=\"limited.reader@example.org\"")));
		mvc.perform(BookletFixtures.order(id, 1, email, "language", "zh-Hant"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("not printed in that language")));
		mvc.perform(BookletFixtures.order(id, 1, email, "country", "FR"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("cannot post this booklet to that country")));
		mvc.perform(BookletFixtures.order(id, 1, email, "name", "", "line1", "x".repeat(121)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("Please fill in this field.")))
			.andExpect(content().string(Matchers.containsString("Please use at most 120 characters.")))
			.andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")));
		mvc.perform(BookletFixtures.order(id, 1, email, "quantity", "many"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("Please enter a whole number.")));
		mvc.perform(BookletFixtures.order(id, 1, email, "name", "<b>Visit evil.example</b>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.not(Matchers.containsString("<b>Visit"))));
		assertThat(jdbc.sql("select count(*) from booklet_order where email = :e")
			.param("e", email)
			.query(Long.class)
			.single()).isZero();

		// A region and postcode may be empty: many countries have neither.
		mvc.perform(BookletFixtures.order(id, 4, email, "postcode", "", "country", "tw"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select country from booklet_order where email = :e")
			.param("e", email)
			.query(String.class)
			.single()).isEqualTo("TW");
	}

	@Test
	void theLastCopiesGoToTheFirstToConfirmAndTheOthersAreToldPlainly() throws Exception {
		long id = BookletFixtures.published(booklets, "Nearly gone", 3, 3);
		mvc.perform(BookletFixtures.order(id, 2, "first.reader@example.org")).andExpect(status().is3xxRedirection());
		mvc.perform(BookletFixtures.order(id, 2, "second.reader@example.org")).andExpect(status().is3xxRedirection());
		String first = BookletFixtures.confirmToken(BookletFixtures.await(MAIL, "first.reader@example.org", 1));
		String second = BookletFixtures.confirmToken(BookletFixtures.await(MAIL, "second.reader@example.org", 1));

		mvc.perform(post("/resources/confirm").param("token", first)).andExpect(status().isOk());
		mvc.perform(post("/resources/confirm").param("token", second))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("not enough copies are left")));
		assertThat(stock(id)).isEqualTo(1);
		assertThat(orderStatus("second.reader@example.org")).isEqualTo("UNCONFIRMED");

		mvc.perform(BookletFixtures.order(id, 2, "third.reader@example.org"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("We do not have that many copies left")));
		mvc.perform(BookletFixtures.order(id, 1, "third.reader@example.org")).andExpect(status().is3xxRedirection());
		String third = BookletFixtures.confirmToken(BookletFixtures.await(MAIL, "third.reader@example.org", 1));
		mvc.perform(post("/resources/confirm").param("token", third)).andExpect(status().isOk());
		assertThat(stock(id)).isZero();

		mvc.perform(get("/resources/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Out of stock for now")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Order free copies"))));
		mvc.perform(BookletFixtures.order(id, 1, "fourth.reader@example.org"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("Out of stock for now")));
	}

	@Test
	void aSecondOrderFromOneMailboxIsRefusedPolitelyWithoutTellingThePage() throws Exception {
		long id = BookletFixtures.published(booklets, "One per person", 40, 2);
		String email = "repeat.reader@example.org";
		mvc.perform(BookletFixtures.order(id, 1, email)).andExpect(status().is3xxRedirection());
		String token = BookletFixtures.confirmToken(BookletFixtures.await(MAIL, email, 1));
		// Two links of one mailbox before either is confirmed: only the first counts.
		mvc.perform(BookletFixtures.order(id, 2, "Repeat.Reader@example.org")).andExpect(status().is3xxRedirection());
		String early = BookletFixtures.confirmToken(BookletFixtures.await(MAIL, "Repeat.Reader@example.org", 1));
		mvc.perform(post("/resources/confirm").param("token", token)).andExpect(status().isOk());
		mvc.perform(post("/resources/confirm").param("token", early))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("You have already ordered this booklet")));
		assertThat(stock(id)).isEqualTo(39);

		clock.advance(Duration.ofDays(10));
		mvc.perform(BookletFixtures.order(id, 1, email))
			.andExpect(redirectedUrl("/resources/" + id + "/check-your-email"));
		MimeMessage note = BookletFixtures.await(MAIL, email, 2);
		assertThat(note.getSubject()).isEqualTo("You have already ordered: One per person");
		assertThat(MailParts.text(note)).contains("nothing more will be posted").doesNotContain("/resources/confirm");
		assertThat(jdbc.sql("select count(*) from booklet_order where booklet_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(2);

		clock.advance(Duration.ofDays(91));
		mvc.perform(BookletFixtures.order(id, 1, email)).andExpect(status().is3xxRedirection());
		assertThat(BookletFixtures.confirmToken(BookletFixtures.await(MAIL, email, 3))).isNotBlank();
	}

	@Test
	void oneAddressSendingManyOrdersIsAnsweredAsUsualAndNothingIsStored() throws Exception {
		long id = BookletFixtures.published(booklets, "Limited per address", 100, 2);
		for (int i = 0; i < 5; i++) {
			mvc.perform(BookletFixtures.order(id, 1, "flood" + i + "@example.org").with(request -> {
				request.setRemoteAddr("198.51.100.41");
				return request;
			})).andExpect(status().is3xxRedirection());
		}
		assertThat(jdbc.sql("select count(*) from booklet_order where booklet_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void anotherSitesFormIsShownAgainAndAnUnpublishedBookletIsNotFound() throws Exception {
		long id = BookletFixtures.published(booklets, "Only from our pages", 10, 2);
		mvc.perform(BookletFixtures.order(id, 1, "elsewhere@example.org").header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("send it again")));
		booklets.saveState(booklets.find(id).orElseThrow().unpublish());
		mvc.perform(get("/resources/{id}", id)).andExpect(status().isNotFound());
		mvc.perform(BookletFixtures.order(id, 1, "late@example.org")).andExpect(status().isNotFound());
		mvc.perform(get("/resources"))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Only from our pages"))));
	}

	@Test
	void theDemoBookletIsPublishedWithItsDrawnCover() throws Exception {
		mvc.perform(get("/resources"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Thirty Days of Prayer for North Koreans")));
		long demo = jdbc.sql("select id from booklet where demo").query(Long.class).single();
		byte[] cover = mvc.perform(get("/resources/{id}/cover", demo))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(cover).hasSizeGreaterThan(1000);
		mvc.perform(get("/")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/petitions")).andExpect(content().string(Matchers.containsString("href=\"/resources\"")));
	}

}
