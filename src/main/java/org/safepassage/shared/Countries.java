package org.safepassage.shared;

import java.text.Collator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.web.util.HtmlUtils;

/** ISO 3166-1 alpha-2 countries with names in the reader's language. */
public final class Countries {

	private static final Set<String> CODES = Set.of(Locale.getISOCountries());

	private Countries() {
	}

	public static boolean isKnown(String code) {
		return code != null && CODES.contains(code);
	}

	public static String name(String code, Locale locale) {
		return isKnown(code) ? Locale.of("", code).getDisplayCountry(locale) : code;
	}

	public record Country(String code, String name) {
	}

	/**
	 * Lists kept, by language: pages ask only in the supported languages, so this is far
	 * more than needed; the bound stops any other caller from growing it.
	 */
	private static final int LANGUAGES_KEPT = 16;

	private static final Cache<Locale, List<Country>> SORTED = languageCache();

	/**
	 * Sorted in the reader's language; sorted once per language, as collation is costly.
	 */
	public static List<Country> all(Locale locale) {
		return SORTED.get(locale, Countries::sorted);
	}

	private static final Cache<Locale, String> OPTIONS = languageCache();

	/**
	 * {@code <option>} elements for every country, built once per language: a 250-item
	 * loop in the template was most of the cost of rendering the petition page.
	 */
	public static String htmlOptions(Locale locale, String selected) {
		String options = OPTIONS.get(locale, l -> {
			StringBuilder html = new StringBuilder(all(l).size() * 40);
			for (Country country : all(l)) {
				html.append("<option value=\"")
					.append(country.code())
					.append("\">")
					.append(HtmlUtils.htmlEscape(country.name()))
					.append("</option>");
			}
			return html.toString();
		});
		if (!isKnown(selected)) {
			return options;
		}
		return options.replace("<option value=\"" + selected + "\">", "<option value=\"" + selected + "\" selected>");
	}

	/** How many languages' country lists are held in memory. */
	public static long languagesHeld() {
		SORTED.cleanUp();
		OPTIONS.cleanUp();
		return Math.max(SORTED.estimatedSize(), OPTIONS.estimatedSize());
	}

	private static <V> Cache<Locale, V> languageCache() {
		return Caffeine.newBuilder().maximumSize(LANGUAGES_KEPT).expireAfterAccess(Duration.ofHours(1)).build();
	}

	private static List<Country> sorted(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return CODES.stream()
			.map(code -> new Country(code, name(code, locale)))
			.sorted(Comparator.comparing(Country::name, collator))
			.toList();
	}

}
