package org.safepassage.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.util.ULocale;

/**
 * Dates as a reader of each language writes them: "9 October 2023" in English, "2023년 10월
 * 9일" in Korean, "2023年10月9日" in Chinese. The order and words come from CLDR (ICU4J's
 * pattern generator, from a skeleton such as {@code yMMMMd}); English keeps the
 * day-month-year order the site has always used.
 */
public final class LocalDates {

	/** The skeletons of what pages show. */
	public enum Style {

		/** 9 October 2023 */
		DAY("yMMMMd", "d MMMM yyyy"),
		/** October 2023 */
		MONTH("yMMMM", "MMMM yyyy"),
		/** Oct 2023 */
		SHORT_MONTH("yMMM", "MMM yyyy"),
		/** 9 October 2023 14:05 */
		DAY_TIME("yMMMMdHHmm", "d MMMM yyyy HH:mm"),
		/** 9 October 2023 14:05 UTC */
		DAY_TIME_ZONE("yMMMMdHHmmz", "d MMMM yyyy HH:mm z");

		private final String skeleton;

		private final String english;

		Style(String skeleton, String english) {
			this.skeleton = skeleton;
			this.english = english;
		}

	}

	private record Key(Locale locale, Style style) {
	}

	/**
	 * Locales come from the closed list of languages or stored ones: a few dozen keys.
	 */
	private static final Cache<Key, DateTimeFormatter> FORMATS = Caffeine.newBuilder().maximumSize(1_000).build();

	private LocalDates() {
	}

	public static String day(TemporalAccessor date, Locale locale) {
		return format(date, locale, Style.DAY);
	}

	public static String month(TemporalAccessor date, Locale locale) {
		return format(date, locale, Style.MONTH);
	}

	/**
	 * The date in the reader's language. A {@link LocalDate} or {@link YearMonth} is
	 * shown as it is; zoned values in their own zone; an {@link Instant} in the server's
	 * zone, as Thymeleaf's {@code #temporals} did before.
	 */
	public static String format(TemporalAccessor date, Locale locale, Style style) {
		if (date == null) {
			return null;
		}
		TemporalAccessor shown = switch (date) {
			case Instant instant -> instant.atZone(ZoneId.systemDefault());
			case YearMonth month -> month.atDay(1);
			case LocalDateTime time when style == Style.DAY_TIME_ZONE -> time.atZone(ZoneId.systemDefault());
			case OffsetDateTime time -> time.toZonedDateTime();
			default -> date;
		};
		if (shown instanceof LocalDate day && (style == Style.DAY_TIME || style == Style.DAY_TIME_ZONE)) {
			shown = day.atStartOfDay(ZoneId.systemDefault());
		}
		return formatter(locale, style).format(shown);
	}

	public static DateTimeFormatter formatter(Locale locale, Style style) {
		Locale language = locale == null ? Locale.ENGLISH : locale;
		return FORMATS.get(new Key(language, style), key -> {
			if (key.locale().getLanguage().equals("en")) {
				return DateTimeFormatter.ofPattern(key.style().english, key.locale());
			}
			String pattern = DateTimePatternGenerator.getInstance(ULocale.forLocale(key.locale()))
				.getBestPattern(key.style().skeleton);
			return DateTimeFormatter.ofPattern(pattern, key.locale());
		});
	}

}
