package org.safepassage.petitions.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChartGeometryTest {

	@Test
	void barsArePlacedInProportionWithZeroDaysKeptAndTheBusiestDayReachingTheTop() {
		DailyChart chart = DailyChart.of(LocalDate.of(2026, 3, 1), new long[] { 10, 0, 40, 20 });
		assertThat(chart.days()).extracting(DailyChart.Day::date)
			.containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3),
					LocalDate.of(2026, 3, 4));
		assertThat(chart.total()).isEqualTo(70);
		assertThat(chart.max()).isEqualTo(40);
		assertThat(chart.busiest().date()).isEqualTo(LocalDate.of(2026, 3, 3));
		DailyChart.Day top = chart.days().get(2);
		assertThat(top.y()).isEqualTo(DailyChart.TOP);
		assertThat(top.y() + top.height()).isEqualTo(chart.baseline());
		assertThat(chart.days().get(1).height()).isZero();
		assertThat(chart.days().get(3).height()).isEqualTo(top.height() / 2);
		assertThat(chart.days().get(0).height()).isEqualTo(top.height() / 4);
		// A few days make narrow bars, not blocks; all stay inside the drawing.
		assertThat(chart.days()).allSatisfy(d -> {
			assertThat(d.width()).isLessThanOrEqualTo(DailyChart.WIDEST_BAR);
			assertThat(d.x()).isGreaterThanOrEqualTo(DailyChart.LEFT);
			assertThat(d.x() + d.width()).isLessThanOrEqualTo(DailyChart.WIDTH);
		});
	}

	@Test
	void aPetitionWithNoSignaturesYetDrawsNothing() {
		DailyChart chart = DailyChart.of(LocalDate.of(2026, 3, 1), new long[] { 0, 0 });
		assertThat(chart.isEmpty()).isTrue();
		assertThat(chart.days()).allSatisfy(d -> assertThat(d.height()).isZero());
	}

	@Test
	void theTopCountriesAreShownAndTheRestSummedAsOthers() {
		Map<String, Long> byCountry = new LinkedHashMap<>();
		byCountry.put("US", 5L);
		byCountry.put("KR", 50L);
		byCountry.put("GB", 20L);
		byCountry.put("DE", 2L);
		byCountry.put("FR", 3L);
		CountryChart chart = CountryChart.of(byCountry, 3, Locale.UK);
		assertThat(chart.bars()).extracting(CountryChart.Bar::code).containsExactly("KR", "GB", "US", null);
		assertThat(chart.bars()).extracting(CountryChart.Bar::signatures).containsExactly(50L, 20L, 5L, 5L);
		assertThat(chart.bars().getLast().others()).isTrue();
		assertThat(chart.total()).isEqualTo(80);
		assertThat(chart.bars().getFirst().width())
			.isEqualTo(CountryChart.WIDTH - CountryChart.LABEL - CountryChart.NUMBER);
		assertThat(chart.bars().get(1).width()).isEqualTo(chart.bars().getFirst().width() * 20 / 50);
		assertThat(chart.height()).isEqualTo(4 * CountryChart.ROW);

		assertThat(CountryChart.of(byCountry, 10, Locale.UK).bars()).noneMatch(CountryChart.Bar::others);
	}

}
