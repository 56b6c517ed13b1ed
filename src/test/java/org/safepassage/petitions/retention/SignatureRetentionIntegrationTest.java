package org.safepassage.petitions.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.Delivery;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.petitions.domain.SignatureRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The retention job with a moved clock: addresses after 30 days, unconfirmed signatures
 * once their links expire, names, e-mails and postcodes months after closing or delivery;
 * counts, charts and the recount unchanged.
 */
class SignatureRetentionIntegrationTest extends IntegrationTest {

	@Autowired
	SignatureRetention retention;

	@Autowired
	PetitionRepository repository;

	@Autowired
	PetitionAdministration administration;

	@Autowired
	MockMvc mvc;

	long petition(String title) {
		return Petitions.openPetition(repository, title, clock.instant().plus(Duration.ofDays(400)));
	}

	Map<String, Object> row(long signatureId) {
		return jdbc.sql("select name, email, postcode, host(ip) as ip, erased_at from signature where id = :id")
			.param("id", signatureId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
	}

	@Test
	void addressesGoAfterThirtyDaysAndUnconfirmedSignaturesWhenAllTheirLinksHaveExpired() {
		long id = petition("Addresses");
		Instant now = clock.instant();
		long confirmed = SignatureRows.insert(jdbc, id, "kept-" + id + "@example.org", "GB", now, now);
		long unconfirmed = SignatureRows.insert(jdbc, id, "never-" + id + "@example.org", "GB", now, null);
		long relinked = SignatureRows.insert(jdbc, id, "again-" + id + "@example.org", "KR", now, null);
		jdbc.sql("insert into signature_link (token_hash, signature_id, expires_at) values (:h, :id, :at)")
			.param("h", ("later-link-" + id).getBytes())
			.param("id", relinked)
			.param("at", PetitionQueries.at(now.plus(Duration.ofDays(40))))
			.update();

		clock.advance(Duration.ofDays(15));
		retention.run();
		assertThat(row(unconfirmed)).as("unconfirmed, its link expired").isNull();
		assertThat(row(relinked)).as("a later link is still valid").isNotNull();
		assertThat(row(confirmed)).containsEntry("ip", "198.51.100.7");

		clock.advance(Duration.ofDays(16));
		retention.run();
		assertThat(row(confirmed)).containsEntry("ip", null)
			.containsEntry("name", "Signer kept-" + id + "@example.org")
			.containsEntry("postcode", "SW1A 1AA");
		assertThat(row(relinked)).containsEntry("ip", null);

		clock.advance(Duration.ofDays(10));
		retention.run();
		assertThat(row(relinked)).as("its last link has expired").isNull();
		assertThat(row(confirmed)).isNotNull();
	}

	@Test
	void namesEmailsAndPostcodesGoMonthsAfterClosingWhileCountsChartsAndTheRecountStay() throws Exception {
		long id = petition("Erasure");
		Instant now = clock.instant();
		SignatureRows.insertMany(jdbc, id, 2_500, "GB", now.minus(Duration.ofDays(1)));
		long korean = SignatureRows.insert(jdbc, id, "kr-" + id + "@example.org", "KR", now, now);
		SignatureRows.insert(jdbc, id, "us-" + id + "@example.org", "US", now, now);
		Map<String, Long> countsBefore = Map.of("GB", 2_500L, "KR", 1L, "US", 1L);
		await().atMost(Duration.ofSeconds(5)).until(() -> countsOf(id).equals(countsBefore));

		administration.close(id);
		String before = await().atMost(Duration.ofSeconds(5)).until(() -> publicParts(id), p -> p.contains("2,502"));

		clock.advance(Duration.ofDays(5 * 31));
		retention.run();
		assertThat(row(korean)).containsEntry("email", "kr-" + id + "@example.org").containsEntry("erased_at", null);

		clock.advance(Duration.ofDays(30));
		SignatureRetention.Outcome outcome = retention.run();
		assertThat(outcome.signaturesErased()).isGreaterThanOrEqualTo(2_502);
		assertThat(row(korean)).containsEntry("name", "")
			.containsEntry("email", "")
			.containsEntry("postcode", null)
			.containsEntry("ip", null);
		assertThat(row(korean).get("erased_at")).isNotNull();
		assertThat(jdbc.sql("""
				select count(*) from signature where petition_id = :id
				and (name <> '' or email <> '' or email_canonical like '%@%' or postcode is not null or ip is not null
				     or erased_at is null)""").param("id", id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select personal_data_erased_at is not null from petition where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();

		// Counts, countries and dates stay: what the recount counts from the signatures
		// is
		// what the counts hold, so it finds no drift; the page shows the same count and
		// charts.
		assertThat(countsOf(id)).isEqualTo(countsBefore);
		assertThat(jdbc.sql(PetitionQueries.TRUE_COUNTS)
			.query((rs, n) -> Map.entry(rs.getLong("petition_id") + "/" + rs.getString("country").strip(),
					rs.getLong("confirmed")))
			.list()
			.stream()
			.filter(e -> e.getKey().startsWith(id + "/"))
			.collect(Collectors.toMap(e -> e.getKey().substring(e.getKey().indexOf('/') + 1), Map.Entry::getValue)))
			.isEqualTo(countsBefore);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(publicParts(id)).isEqualTo(before));

		// Staff see that it happened, and when.
		assertThat(mvc.perform(get("/admin/petitions/{id}", id).with(user("staff@example.org").roles("CAMPAIGNER")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Signers&#39; names, e-mails and postcodes were erased on");

		// A later run leaves a finished petition alone.
		retention.run();
		assertThat(jdbc.sql("select count(*) from signature where petition_id = :id and erased_at is null")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDeliveredPetitionKeepsItsSignersDetailsForTheSetMonthsAfterTheDelivery() throws Exception {
		long id = petition("Delivered later");
		Instant now = clock.instant();
		long signature = SignatureRows.insert(jdbc, id, "d-" + id + "@example.org", "GB", now, now);
		administration.close(id);
		clock.advance(Duration.ofDays(150));
		administration.deliver(id, new Delivery(LocalDate.now(clock), "The duty officer", "Embassy",
				Delivery.Method.IN_PERSON, "Handed over at the embassy"));
		assertThat(mvc.perform(get("/admin/petitions/{id}", id).with(user("staff@example.org").roles("CAMPAIGNER")))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("will be erased from " + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
				.format(clock.instant().atOffset(ZoneOffset.UTC).plusMonths(6)));

		clock.advance(Duration.ofDays(60));
		retention.run();
		assertThat(row(signature)).as("closed 7 months ago, but delivered 2 months ago")
			.containsEntry("email", "d-" + id + "@example.org");

		clock.advance(Duration.ofDays(130));
		retention.run();
		assertThat(row(signature)).containsEntry("email", "").containsEntry("name", "");
	}

	/**
	 * A petition hidden by moderation while open is never closed nor delivered: its
	 * signers' details are erased the same months after it was hidden.
	 */
	@Test
	void aPetitionHiddenWhileOpenHasItsSignersDetailsErasedMonthsAfterItWasHidden() throws Exception {
		long id = petition("Hidden while open");
		Instant now = clock.instant();
		long signature = SignatureRows.insert(jdbc, id, "h-" + id + "@example.org", "GB", now, now);
		clock.advance(Duration.ofDays(20));
		administration.hide(id, "Abusive wording in the title");
		assertThat(mvc.perform(get("/admin/petitions/{id}", id).with(user("staff@example.org").roles("CAMPAIGNER")))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("will be erased from " + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
				.format(clock.instant().atOffset(ZoneOffset.UTC).plusMonths(6)));

		clock.advance(Duration.ofDays(5 * 31));
		retention.run();
		assertThat(row(signature)).as("hidden 5 months ago").containsEntry("email", "h-" + id + "@example.org");

		clock.advance(Duration.ofDays(30));
		retention.run();
		assertThat(row(signature)).containsEntry("email", "").containsEntry("name", "");
		assertThat(row(signature).get("erased_at")).isNotNull();
		assertThat(jdbc.sql("select personal_data_erased_at is not null from petition where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void twoInstancesRunningItAtOnceShareTheWorkAndFinishIt() throws Exception {
		long id = petition("Two instances");
		Instant now = clock.instant();
		SignatureRows.insertMany(jdbc, id, 4_000, "KR", now);
		administration.close(id);
		clock.advance(Duration.ofDays(200));
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			Future<SignatureRetention.Outcome> first = instances.submit(retention::run);
			Future<SignatureRetention.Outcome> second = instances.submit(retention::run);
			long erased = first.get(2, TimeUnit.MINUTES).signaturesErased()
					+ second.get(2, TimeUnit.MINUTES).signaturesErased();
			assertThat(erased).isGreaterThanOrEqualTo(4_000);
		}
		finally {
			instances.shutdownNow();
		}
		assertThat(jdbc.sql("""
				select count(*) filter (where erased_at is null or ip is not null), count(*) from signature
				where petition_id = :id""")
			.param("id", id)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single()).containsExactly(0, 4_000);
		assertThat(jdbc.sql("select personal_data_erased_at is not null from petition where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	Map<String, Long> countsOf(long id) {
		return jdbc.sql("select country, confirmed from signature_count where petition_id = :id and confirmed > 0")
			.param("id", id)
			.query((rs, n) -> Map.entry(rs.getString("country").strip(), rs.getLong("confirmed")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The counter and the charts of the public page, which must not change. */
	String publicParts(long id) throws Exception {
		String html = mvc.perform(get("/petitions/{id}", id))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher counter = Pattern.compile("<p class=\"big-count\">.*?</p>", Pattern.DOTALL).matcher(html);
		Matcher charts = Pattern.compile("<section class=\"petition-charts\">.*?</section>", Pattern.DOTALL)
			.matcher(html);
		assertThat(counter.find()).isTrue();
		assertThat(charts.find()).isTrue();
		return counter.group() + charts.group();
	}

}
