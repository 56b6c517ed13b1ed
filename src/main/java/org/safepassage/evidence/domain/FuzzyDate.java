package org.safepassage.evidence.domain;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.safepassage.shared.LocalDates;

/**
 * A date as precisely as a source gives it: a day, a month, a year, or an approximate
 * range. Stored as the first and last day it may mean, so filters and the timeline need
 * no special cases.
 */
public record FuzzyDate(DatePrecision precision, LocalDate from, LocalDate to) {

	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/**
	 * Reads what a person typed: {@code 2023-10-09} for a day, {@code 2023-10} for a
	 * month, {@code 2023} for a year, two days for a range. Empty for impossible dates,
	 * dates before 1900 or after {@code today}.
	 */
	public static Optional<FuzzyDate> parse(DatePrecision precision, String date, String dateTo, LocalDate today) {
		return read(precision, date, dateTo).filter(d -> d.plausible(today));
	}

	/**
	 * Reads what a person typed, as {@link #parse} does, without asking whether it could
	 * have happened yet: for input that was checked when it was typed.
	 */
	public static Optional<FuzzyDate> read(DatePrecision precision, String date, String dateTo) {
		if (precision == null || date == null) {
			return Optional.empty();
		}
		String first = date.strip();
		try {
			FuzzyDate read = switch (precision) {
				case DAY -> day(LocalDate.parse(first));
				case MONTH -> month(YearMonth.parse(first));
				case YEAR -> first.matches("\\d{4}") ? year(Year.of(Integer.parseInt(first))) : null;
				case RANGE -> dateTo == null || dateTo.isBlank() ? null
						: new FuzzyDate(DatePrecision.RANGE, LocalDate.parse(first), LocalDate.parse(dateTo.strip()));
			};
			return Optional.ofNullable(read).filter(d -> !d.to.isBefore(d.from));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	public static FuzzyDate day(LocalDate day) {
		return new FuzzyDate(DatePrecision.DAY, day, day);
	}

	static FuzzyDate month(YearMonth month) {
		return new FuzzyDate(DatePrecision.MONTH, month.atDay(1), month.atEndOfMonth());
	}

	public static FuzzyDate year(Year year) {
		return new FuzzyDate(DatePrecision.YEAR, year.atDay(1), year.atMonth(12).atEndOfMonth());
	}

	/** A month may still be under way, but nothing can have happened after today. */
	private boolean plausible(LocalDate today) {
		return !from.isBefore(EARLIEST) && !from.isAfter(today)
				&& (precision != DatePrecision.RANGE || !to.isAfter(today));
	}

	/** As typed in forms and CSV files. */
	public String firstInput() {
		return switch (precision) {
			case DAY, RANGE -> from.toString();
			case MONTH -> YearMonth.from(from).toString();
			case YEAR -> String.valueOf(from.getYear());
		};
	}

	public String lastInput() {
		return precision == DatePrecision.RANGE ? to.toString() : "";
	}

	/** The month a timeline can place it in, when it is dated at least that precisely. */
	public Optional<YearMonth> month() {
		return YearMonth.from(from).equals(YearMonth.from(to)) ? Optional.of(YearMonth.from(from)) : Optional.empty();
	}

	private boolean wholeYears() {
		return from.getDayOfYear() == 1 && to.equals(to.withDayOfYear(to.lengthOfYear()));
	}

	public String text(Locale locale) {
		DateTimeFormatter day = LocalDates.formatter(locale, LocalDates.Style.DAY);
		return switch (precision) {
			case DAY -> from.format(day);
			case MONTH -> LocalDates.month(from, locale);
			case YEAR -> String.valueOf(from.getYear());
			case RANGE ->
				wholeYears() ? from.getYear() + "–" + to.getYear() : from.format(day) + " – " + to.format(day);
		};
	}
}
