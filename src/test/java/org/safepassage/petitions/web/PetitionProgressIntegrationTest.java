package org.safepassage.petitions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.petitions.domain.SignatureRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Milestones staff set, and the charts of the public petition page against the database.
 */
class PetitionProgressIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	static Pattern row(String header, long value) {
		return Pattern
			.compile("<th scope=\"row\">" + Pattern.quote(header) + "</th>\\s*<td class=\"num\">" + value + "</td>");
	}

	String page(long id) throws Exception {
		return mvc.perform(get("/petitions/{id}", id))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	void signed(long id, int howMany) {
		Instant now = clock.instant();
		for (int i = 0; i < howMany; i++) {
			SignatureRows.insert(jdbc, id, "m" + i + "-" + id + "@example.org", "GB", now, now);
		}
	}

	@Test
	void staffSetMilestonesThatThePublicPageShowsWithTheProgressBar() throws Exception {
		long id = Petitions.openPetition(repository, "Milestones");
		mvc.perform(post("/admin/petitions/{id}/milestones", id).with(CAMPAIGNER)
			.with(csrf())
			.param("signatures", "3")
			.param("description", "The embassy must reply")).andExpect(flash().attribute("done", true));
		mvc.perform(post("/admin/petitions/{id}/milestones", id).with(CAMPAIGNER)
			.with(csrf())
			.param("signatures", "100000")
			.param("description", "Considered for debate")).andExpect(flash().attribute("done", true));
		// The same count twice is refused with a message.
		mvc.perform(post("/admin/petitions/{id}/milestones", id).with(CAMPAIGNER)
			.with(csrf())
			.param("signatures", "3")
			.param("description", "Again"))
			.andExpect(flash().attribute("ruleError", "petition.milestone.rule.sameCount"));
		// A bad count comes back with its message, the description kept and escaped.
		String refused = mvc
			.perform(post("/admin/petitions/{id}/milestones", id).with(CAMPAIGNER)
				.with(csrf())
				.param("signatures", "lots")
				.param("description", "<b>big</b>"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Please enter a whole number from 1 to 100,000,000.")
			.contains("value=\"&lt;b&gt;big&lt;/b&gt;\"")
			.doesNotContain("<b>big</b>");
		// Audited: the route and the petition's id.
		assertThat(jdbc
			.sql("select count(*) from staff_audit where action = 'POST /admin/petitions/{id}/milestones'"
					+ " and record = :record")
			.param("record", "id=" + id)
			.query(Long.class)
			.single()).isEqualTo(4);

		signed(id, 5);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			String html = page(id);
			assertThat(html).contains("aria-label=\"5 of 1,000 signatures: 0% of the goal\"");
			assertThat(html).containsPattern("<li class=\"reached\">\\s*<strong>Reached:</strong>\\s*"
					+ "<span>3 signatures: The embassy must reply</span>");
			assertThat(html).contains("Next milestone: 100,000 signatures, Considered for debate (99,995 to go)");
		});
		// The live counter htmx swaps in carries them too.
		assertThat(mvc.perform(get("/petitions/{id}/counter", id)).andReturn().getResponse().getContentAsString())
			.contains("Next milestone: 100,000 signatures")
			.contains("aria-label=\"5 of 1,000 signatures: 0% of the goal\"");

		String admin = mvc.perform(get("/admin/petitions/{id}", id).with(CAMPAIGNER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher remove = Pattern.compile("/admin/petitions/" + id + "/milestones/(\\d+)/delete").matcher(admin);
		assertThat(remove.find()).isTrue();
		mvc.perform(
				post("/admin/petitions/{id}/milestones/{m}/delete", id, remove.group(1)).with(CAMPAIGNER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(page(id)).doesNotContain("The embassy must reply")
				.contains("Considered for debate"));
		// Another petition's milestone cannot be removed through this one.
		mvc.perform(
				post("/admin/petitions/{id}/milestones/{m}/delete", id + 1_000_000, remove.group(1)).with(CAMPAIGNER)
					.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theChartsShowTheCountedSignaturesPerDayAndTheTopCountriesAsTheDatabaseHasThem() throws Exception {
		long id = Petitions.openPetition(repository, "Charts");
		jdbc.sql("update petition set opened_at = :at where id = :id")
			.param("at", clock.instant().minus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
		repository.save(repository.find(id).orElseThrow());
		Instant now = clock.instant();
		String[] countries = { "GB", "KR", "US", "DE", "FR", "JP", "CA", "AU", "NL", "SE" };
		int n = 0;
		for (int c = 0; c < countries.length; c++) {
			for (int i = 0; i < countries.length - c; i++) {
				Instant confirmed = now.minus(Duration.ofDays(i % 3 == 0 ? 0 : 2));
				SignatureRows.insert(jdbc, id, "c" + n++ + "-" + id + "@example.org", countries[c], confirmed,
						confirmed);
			}
		}
		// Neither unconfirmed, flagged nor invalidated signatures count.
		SignatureRows.insert(jdbc, id, "unconfirmed-" + id + "@example.org", "GB", now, null);
		long flagged = SignatureRows.insert(jdbc, id, "flagged-" + id + "@example.org", "GB", now, null);
		long invalid = SignatureRows.insert(jdbc, id, "invalid-" + id + "@example.org", "GB", now, null);
		jdbc.sql("update signature set flagged = true, confirmed_at = :at where id = :id")
			.param("id", flagged)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("update signature set invalidated_at = :at, confirmed_at = :at where id = :id")
			.param("id", invalid)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();

		Map<LocalDate, Long> perDay = new LinkedHashMap<>();
		jdbc.sql("""
				select cast(confirmed_at at time zone 'UTC' as date) as day, count(*) as n from signature
				where petition_id = :id and confirmed_at is not null and not flagged and invalidated_at is null
				group by 1 order by 1""").param("id", id).query(rs -> {
			perDay.put(rs.getObject("day", LocalDate.class), rs.getLong("n"));
		});
		assertThat(perDay.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(55);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			String html = page(id);
			// Every day from the opening to today, zero days included, in the table.
			LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
			for (LocalDate day = today.minusDays(3); !day.isAfter(today); day = day.plusDays(1)) {
				assertThat(html).containsPattern(row(DAY.format(day), perDay.getOrDefault(day, 0L)));
			}
			// One bar per day with signatures, titled with its number.
			Matcher bars = Pattern.compile("<rect class=\"bar\"[^>]*><title>([^<]+)</title></rect>").matcher(html);
			Map<String, String> drawn = new LinkedHashMap<>();
			while (bars.find()) {
				String[] parts = bars.group(1).split(": ");
				drawn.put(parts[0], parts[1]);
			}
			assertThat(drawn).hasSize(perDay.size());
			perDay.forEach((day, count) -> assertThat(drawn).containsEntry(DAY.format(day), count.toString()));
			assertThat(html).contains("role=\"img\" aria-labelledby=\"daily-title daily-desc\"")
				.contains("<desc id=\"daily-desc\">Bar chart of confirmed signatures per day from "
						+ DAY.format(today.minusDays(3)) + " to " + DAY.format(today) + ": 55 in all");
			// The top eight countries, then the other two together: 10 + 9 + … + 3, then
			// 2 + 1.
			assertThat(html).containsPattern(row("United Kingdom", 10))
				.containsPattern(row("South Korea", 9))
				.containsPattern(row("Australia", 3))
				.containsPattern(row("Other countries", 3))
				.doesNotContain("<th scope=\"row\">Sweden</th>")
				.contains("most from United Kingdom (10) of 55 in all.");
		});
	}

}
