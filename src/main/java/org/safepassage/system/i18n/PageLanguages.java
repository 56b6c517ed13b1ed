package org.safepassage.system.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the layout needs to offer a page in every language: the switcher's links (each
 * also remembering the choice, {@code ?lang=}), the {@code hreflang} alternates with
 * {@code x-default}, and the canonical address. Built from the address the controller saw
 * (without the language prefix), so no page has to provide anything.
 *
 * @param lang the page's language tag ({@code ko}, {@code zh-Hans})
 * @param choices the switcher: one link per language, the current one marked
 * @param alternates absolute addresses of this page in each language, then
 * {@code x-default}; empty on staff pages and error pages
 * @param canonical the absolute address of this page in its language; null where
 * alternates are empty
 */
public record PageLanguages(String lang, List<Choice> choices, List<Alternate> alternates, String canonical) {

	/**
	 * Staff and sign-in pages: no alternates or canonical link, as robots never see them.
	 */
	private static final List<String> PRIVATE = List.of("/admin", "/login", "/logout", "/webauthn", "/ott", "/error");

	/**
	 * @param tag the language tag, for {@code lang} and {@code hreflang}
	 * @param name the language's name in that language
	 * @param href the same page in that language, choosing it
	 * @param current whether the page is in it
	 */
	public record Choice(String tag, String name, String href, boolean current) {
	}

	public record Alternate(String hreflang, String href) {
	}

	static PageLanguages of(HttpServletRequest request, HttpServletResponse response, Locale current,
			List<Locale> supported, List<String> names, String baseUrl) {
		String context = request.getContextPath();
		String path = request.getRequestURI().substring(context.length());
		String query = withoutLang(request.getQueryString());
		Locale shown = supported.contains(current) ? current : supported.getFirst();
		List<Choice> choices = new ArrayList<>();
		List<Alternate> alternates = new ArrayList<>();
		boolean indexable = request.getDispatcherType() != DispatcherType.ERROR
				&& (response == null || response.getStatus() < 400)
				&& PRIVATE.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"));
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		String canonical = null;
		for (int i = 0; i < supported.size(); i++) {
			Locale locale = supported.get(i);
			String tag = locale.toLanguageTag();
			String inLanguage = (i == 0 ? "" : AddressLanguageFilter.prefixOf(locale)) + path;
			String choose = context + inLanguage + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + tag;
			choices.add(new Choice(tag, names.get(i), choose, locale.equals(shown)));
			if (indexable) {
				String href = base + inLanguage + (query.isEmpty() ? "" : "?" + query);
				alternates.add(new Alternate(tag, href));
				if (locale.equals(shown)) {
					canonical = href;
				}
			}
		}
		if (indexable) {
			alternates.add(new Alternate("x-default", base + path + (query.isEmpty() ? "" : "?" + query)));
		}
		return new PageLanguages(shown.toLanguageTag(), List.copyOf(choices), List.copyOf(alternates), canonical);
	}

	/** The query string without {@code lang=} (the switcher adds its own). */
	private static String withoutLang(String query) {
		if (query == null || query.isEmpty()) {
			return "";
		}
		StringBuilder kept = new StringBuilder();
		for (String pair : query.split("&")) {
			if (pair.isEmpty() || pair.equals("lang") || pair.startsWith("lang=")) {
				continue;
			}
			if (!kept.isEmpty()) {
				kept.append('&');
			}
			kept.append(pair);
		}
		return kept.toString();
	}

}
