package org.safepassage.shared.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads values that forms and CSV files carry as text, once they passed their constraint
 * ({@link WholeNumber}, {@link IsoDate}, {@link CountryCode}); {@code null} stands for
 * "left empty", never for "invalid".
 */
public final class FormValues {

	private FormValues() {
	}

	/** Trimmed text, or {@code null} when empty. */
	public static String text(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * A whole number, commas allowed ("4,000").
	 * @throws IllegalArgumentException when the text is not a whole number
	 */
	public static Long wholeNumber(String text) {
		String value = text(text);
		if (value == null) {
			return null;
		}
		String digits = value.replace(",", "");
		if (!digits.matches("-?\\d{1,18}")) {
			throw new IllegalArgumentException("Not a whole number: " + text);
		}
		return Long.parseLong(digits);
	}

	/**
	 * A day written as ISO 8601 ({@code 2023-10-09}).
	 * @throws DateTimeParseException when the text is not a day
	 */
	public static LocalDate day(String text) {
		String value = text(text);
		return value == null ? null : LocalDate.parse(value);
	}

	/** A country code in upper case. */
	public static String countryCode(String text) {
		String value = text(text);
		return value == null ? null : value.toUpperCase(Locale.ROOT);
	}

}
