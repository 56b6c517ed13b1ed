package org.safepassage.evidence.forms;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.shared.Countries;

/**
 * Numbers, dates and addresses as people type them into forms and spreadsheets. Forms
 * bind them as text so one bad value does not hide the messages for the others; these
 * read them, null meaning "left empty".
 */
public final class Typed {

	/** Stands for a value that was typed but is not valid. */
	static final long INVALID = -1;

	private Typed() {
	}

	public static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public static String text(String value) {
		return blank(value) ? null : value.strip();
	}

	/** A count of people: a whole number from 0, commas allowed ("4,000"). */
	static Long count(String value) {
		if (blank(value)) {
			return null;
		}
		String digits = value.strip().replace(",", "");
		if (!digits.matches("\\d{1,10}")) {
			return INVALID;
		}
		long n = Long.parseLong(digits);
		return n <= ReportedFigure.MAX ? n : INVALID;
	}

	static boolean validCount(String value) {
		Long n = count(value);
		return n == null || n != INVALID;
	}

	/** A real day, written 2023-10-09, between 1900 and today. */
	static LocalDate day(String value, LocalDate today) {
		if (blank(value)) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(value.strip());
			return day.isBefore(FuzzyDate.EARLIEST) || day.isAfter(today) ? LocalDate.MIN : day;
		}
		catch (DateTimeParseException e) {
			return LocalDate.MIN;
		}
	}

	static boolean validDay(String value, LocalDate today) {
		return !LocalDate.MIN.equals(day(value, today));
	}

	/** Only web addresses a reader can open: http or https with a host. */
	static boolean validUrl(String value) {
		if (blank(value)) {
			return true;
		}
		try {
			URI uri = new URI(value.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	static boolean validCountry(String value) {
		return blank(value) || Countries.isKnown(value.strip().toUpperCase(Locale.ROOT));
	}

	static String country(String value) {
		return value.strip().toUpperCase(Locale.ROOT);
	}

	static final int MAX_TAGS = 10;

	static final int MAX_TAG_LENGTH = 40;

	static List<String> tags(String value) {
		return blank(value) ? List.of()
				: Arrays.stream(value.split("[,;]")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
	}

	static boolean validTags(String value) {
		List<String> tags = tags(value);
		return tags.size() <= MAX_TAGS && tags.stream().allMatch(t -> t.length() <= MAX_TAG_LENGTH);
	}

	/** The figure as written, with bounds coded by hand when a researcher gave them. */
	static ReportedFigure figure(String figure, String low, String high) {
		Long l = count(low);
		if (l == null) {
			return ReportedFigure.parse(figure.strip());
		}
		return ReportedFigure.coded(figure.strip(), l, count(high));
	}

	static boolean validLow(String low, String high) {
		return validCount(low) && (blank(high) || !blank(low));
	}

	static boolean validHigh(String low, String high) {
		Long l = count(low);
		Long h = count(high);
		return h == null || (h != INVALID && (l == null || l == INVALID || h >= l));
	}

}
