package org.safepassage.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Dates as precisely as sources give them. */
class EvidenceFuzzyDateTest {

	static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

	@Test
	void aDayAMonthAYearAndARangeMeanTheirFirstAndLastDays() {
		FuzzyDate day = FuzzyDate.parse(DatePrecision.DAY, "2023-10-09", null, TODAY).orElseThrow();
		assertThat(day.text(Locale.ENGLISH)).isEqualTo("9 October 2023");
		assertThat(day.month()).contains(YearMonth.of(2023, 10));
		FuzzyDate month = FuzzyDate.parse(DatePrecision.MONTH, "2024-02", null, TODAY).orElseThrow();
		assertThat(month.to()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(month.text(Locale.ENGLISH)).isEqualTo("February 2024");
		FuzzyDate year = FuzzyDate.parse(DatePrecision.YEAR, "2009", null, TODAY).orElseThrow();
		assertThat(year.month()).isEmpty();
		FuzzyDate range = FuzzyDate.parse(DatePrecision.RANGE, "2023-10-01", "2023-10-20", TODAY).orElseThrow();
		assertThat(range.month()).contains(YearMonth.of(2023, 10));
		assertThat(range.text(Locale.ENGLISH)).isEqualTo("1 October 2023 – 20 October 2023");
		assertThat(new FuzzyDate(DatePrecision.RANGE, LocalDate.of(1999, 1, 1), LocalDate.of(2009, 12, 31))
			.text(Locale.ENGLISH)).isEqualTo("1999–2009");
	}

	@Test
	void impossibleFutureAndBackwardDatesAreRefused() {
		assertThat(FuzzyDate.parse(DatePrecision.DAY, "2023-02-30", null, TODAY)).isEmpty();
		assertThat(FuzzyDate.parse(DatePrecision.DAY, "2023-13-01", null, TODAY)).isEmpty();
		assertThat(FuzzyDate.parse(DatePrecision.DAY, "9 Oct 2023", null, TODAY)).isEmpty();
		assertThat(FuzzyDate.parse(DatePrecision.DAY, "2024-06-16", null, TODAY)).isEmpty();
		assertThat(FuzzyDate.parse(DatePrecision.MONTH, "2024-06", null, TODAY)).isPresent();
		assertThat(FuzzyDate.parse(DatePrecision.YEAR, "1899", null, TODAY)).isEmpty();
		assertThat(FuzzyDate.parse(DatePrecision.YEAR, "20233", null, TODAY)).isEmpty();
		assertThat(FuzzyDate.parse(DatePrecision.RANGE, "2023-10-20", "2023-10-01", TODAY)).isEmpty();
		assertThat(FuzzyDate.parse(DatePrecision.RANGE, "2023-10-20", "", TODAY)).isEmpty();
		assertThat(FuzzyDate.parse(DatePrecision.RANGE, "2024-06-01", "2024-07-01", TODAY)).isEmpty();
	}

}
