package org.safepassage.booklets.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.booklets.BookletFixtures;
import org.safepassage.booklets.domain.BookletRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff post confirmed orders: the list and the CSV for the mailing house (formula-like
 * cells defused), dispatch one or many, cancel with the copies put back; and what is kept
 * afterwards: details removed a set time after dispatch, counts kept, unconfirmed orders
 * deleted when their link expires.
 */
class BookletFulfilmentIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	@Autowired
	MockMvc mvc;

	@Autowired
	BookletRepository booklets;

	@Autowired
	Retention retention;

	long confirmed(long booklet, int quantity, String email, String name, String country) throws Exception {
		mvc.perform(BookletFixtures.order(booklet, quantity, email, "name", name, "country", country))
			.andExpect(status().is3xxRedirection());
		String token = BookletFixtures.confirmToken(BookletFixtures.await(MAIL, email, 1));
		mvc.perform(post("/resources/confirm").param("token", token)).andExpect(status().isOk());
		return jdbc.sql("select id from booklet_order where email = :e and booklet_id = :b")
			.param("e", email)
			.param("b", booklet)
			.query(Long.class)
			.single();
	}

	String orderStatus(long id) {
		return jdbc.sql("select status from booklet_order where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void confirmedOrdersAreExportedDispatchedOrCancelledAndTheirDetailsRemovedLater() throws Exception {
		long booklet = BookletFixtures.published(booklets, "Exported guide", 100, 5);
		long plain = confirmed(booklet, 2, "exported.plain@example.org", "Ji-woo Example", "KR");
		long formula = confirmed(booklet, 1, "exported.formula@example.org", "-Eve Example", "GB");
		long third = confirmed(booklet, 3, "exported.third@example.org", "Ming Example", "TW");
		mvc.perform(BookletFixtures.order(booklet, 1, "exported.unconfirmed@example.org"))
			.andExpect(status().is3xxRedirection());
		assertThat(booklets.find(booklet).orElseThrow().stock()).isEqualTo(94);

		mvc.perform(get("/admin/booklets/orders").param("booklet", String.valueOf(booklet)).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("BK-" + plain)))
			.andExpect(content().string(Matchers.containsString("-Eve Example")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("unconfirmed.reader"))));
		mvc.perform(get("/admin/booklets/orders").param("booklet", String.valueOf(booklet))
			.param("country", "gb")
			.with(CAMPAIGNER))
			.andExpect(content().string(Matchers.containsString("BK-" + formula)))
			.andExpect(content().string(Matchers.not(Matchers.containsString("BK-" + plain + "<"))));
		mvc.perform(get("/admin/booklets/orders").param("booklet", "nonsense").param("country", "<b>").with(CAMPAIGNER))
			.andExpect(status().isOk());

		byte[] file = mvc
			.perform(get("/admin/booklets/orders.csv").param("booklet", String.valueOf(booklet)).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String csv = new String(file, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF").doesNotContain("@example.org");
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv.substring(1)))
			.getRecords();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(FulfilmentCsv.COLUMNS);
		Map<String, String> first = rows.get(0).toMap();
		assertThat(first).containsEntry("reference", "BK-" + plain)
			.containsEntry("name", "Ji-woo Example")
			.containsEntry("address_line_1", "12 Example Road")
			.containsEntry("postcode", "04524")
			.containsEntry("country_code", "KR")
			.containsEntry("country", "South Korea")
			.containsEntry("item", "Exported guide")
			.containsEntry("language", "ko")
			.containsEntry("quantity", "2");
		assertThat(rows.get(1).get("name")).isEqualTo("'-Eve Example");
		assertThat(rows.get(2).get("country")).isEqualTo("Taiwan");

		mvc.perform(post("/admin/booklets/orders/{id}/cancel", third).with(CAMPAIGNER).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(orderStatus(third)).isEqualTo("CANCELLED");
		assertThat(booklets.find(booklet).orElseThrow().stock()).isEqualTo(97);
		mvc.perform(post("/admin/booklets/orders/{id}/cancel", third).with(CAMPAIGNER).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(booklets.find(booklet).orElseThrow().stock()).isEqualTo(97);

		mvc.perform(post("/admin/booklets/orders/{id}/dispatch", plain).with(CAMPAIGNER).with(csrf()))
			.andExpect(redirectedUrl("/admin/booklets/orders"));
		mvc.perform(post("/admin/booklets/orders/dispatch").with(CAMPAIGNER)
			.with(csrf())
			.param("ids", String.valueOf(plain), String.valueOf(formula), String.valueOf(third), "junk")
			.param("booklet", String.valueOf(booklet)))
			.andExpect(redirectedUrl("/admin/booklets/orders?booklet=" + booklet));
		assertThat(orderStatus(plain)).isEqualTo("DISPATCHED");
		assertThat(orderStatus(formula)).isEqualTo("DISPATCHED");
		assertThat(orderStatus(third)).isEqualTo("CANCELLED");
		assertThat(jdbc.sql("select dispatched_by from booklet_order where id = :id")
			.param("id", formula)
			.query(String.class)
			.single()).isEqualTo("campaigner@example.org");
		assertThat(jdbc.sql("select count(*) from staff_audit where action = 'POST /admin/booklets/orders/dispatch'")
			.query(Long.class)
			.single()).isPositive();
		mvc.perform(get("/admin/booklets/orders").param("booklet", String.valueOf(booklet)).with(CAMPAIGNER))
			.andExpect(content().string(Matchers.containsString("No order waits to be posted.")));

		// The unconfirmed order goes when its link expires; the others keep their details
		// until 90 days after dispatch or cancellation.
		clock.advance(Duration.ofDays(8));
		retention.run();
		assertThat(jdbc.sql("select count(*) from booklet_order where email = 'exported.unconfirmed@example.org'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select name from booklet_order where id = :id")
			.param("id", plain)
			.query(String.class)
			.single()).isEqualTo("Ji-woo Example");

		clock.advance(Duration.ofDays(83));
		retention.run();
		Map<String, Object> scrubbed = jdbc
			.sql("select name, address_line1, town, postcode, email, mailbox_hash, token_hash, country, quantity "
					+ "from booklet_order where id = :id")
			.param("id", plain)
			.query()
			.singleRow();
		assertThat(scrubbed).containsEntry("name", null)
			.containsEntry("address_line1", null)
			.containsEntry("town", null)
			.containsEntry("postcode", null)
			.containsEntry("email", null)
			.containsEntry("mailbox_hash", null)
			.containsEntry("token_hash", null)
			.containsEntry("country", "KR")
			.containsEntry("quantity", 2);
		assertThat(jdbc.sql("select count(*) from booklet_order where booklet_id = :id and name is not null")
			.param("id", booklet)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/admin/booklets/{id}", booklet).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Posted")))
			.andExpect(content().string(Matchers.containsString("KR")));
	}

}
