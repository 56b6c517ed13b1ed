package org.safepassage.petitions.charts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.domain.RecentCopies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The numbers behind the charts on the public petition page. Signatures per day are
 * counted from the signatures themselves (as the recount counts them), at most once per
 * {@code charts.cache-for} per petition and instance: the page is read thousands of times
 * a second in a spike, the count by day changes slowly. The countries come from the
 * counts the page already shows, so the chart and the counter agree.
 */
@Service
public class SignatureCharts {

	private final JdbcClient jdbc;

	private final PetitionsProperties.Charts settings;

	private final Clock clock;

	private final RecentCopies<Window, Map<LocalDate, Long>> perDay;

	SignatureCharts(JdbcClient jdbc, PetitionsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.settings = properties.charts();
		this.clock = clock;
		this.perDay = new RecentCopies<>(settings.cacheFor(), 1_000, this::read);
	}

	/** The days of a petition the chart shows, from {@code since} (UTC). */
	private record Window(long petitionId, LocalDate since) {
	}

	/**
	 * @param openedAt when signing began
	 * @param closedAt when it ended, or null while open
	 * @param byCountry the public counts by country
	 */
	public PetitionCharts of(long petitionId, Instant openedAt, Instant closedAt, Map<String, Long> byCountry,
			Locale locale) {
		LocalDate last = day(closedAt == null ? clock.instant() : closedAt);
		LocalDate first = last.minusDays(settings.days() - 1L);
		if (openedAt != null && day(openedAt).isAfter(first)) {
			first = day(openedAt).isAfter(last) ? last : day(openedAt);
		}
		Map<LocalDate, Long> counted = perDay.get(new Window(petitionId, first), Map.of(), 2000);
		long[] counts = new long[(int) ChronoUnit.DAYS.between(first, last) + 1];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = counted.getOrDefault(first.plusDays(i), 0L);
		}
		return new PetitionCharts(DailyChart.of(first, counts),
				CountryChart.of(byCountry, settings.topCountries(), locale));
	}

	private Map<LocalDate, Long> read(Window window) {
		Map<LocalDate, Long> counts = new HashMap<>();
		jdbc.sql(PetitionQueries.CONFIRMED_PER_DAY)
			.param("petitionId", window.petitionId())
			.param("since", PetitionQueries.at(window.since().atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query(rs -> {
				counts.put(rs.getObject("day", LocalDate.class), rs.getLong("signatures"));
			});
		return Map.copyOf(counts);
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
