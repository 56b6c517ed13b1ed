package org.safepassage.shared;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

	private static final Map<Locale, List<Country>> SORTED = new ConcurrentHashMap<>();

	/**
	 * Sorted in the reader's language; sorted once per language, as collation is costly.
	 */
	public static List<Country> all(Locale locale) {
		return SORTED.computeIfAbsent(locale, Countries::sorted);
	}

	private static final Map<Locale, String> OPTIONS = new ConcurrentHashMap<>();

	/**
	 * {@code <option>} elements for every country, built once per language: a 250-item
	 * loop in the template was most of the cost of rendering the petition page.
	 */
	public static String htmlOptions(Locale locale, String selected) {
		String options = OPTIONS.computeIfAbsent(locale, l -> {
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

	private static List<Country> sorted(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return CODES.stream()
			.map(code -> new Country(code, name(code, locale)))
			.sorted(Comparator.comparing(Country::name, collator))
			.toList();
	}

}
