package org.safepassage.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.system.i18n.AddressLanguageFilter;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The reader's language, always one of {@code safepassage.languages}: the one the address
 * names ({@code /ko/...}, see {@link AddressLanguageFilter}), else the one chosen before
 * (the {@code safepassage-lang} cookie, set by {@code ?lang=}, which the language
 * switcher's links carry), else the browser's (Accept-Language, where {@code zh-TW},
 * {@code zh-HK} and {@code zh-MO} read Traditional Chinese and {@code zh-CN},
 * {@code zh-SG} and plain {@code zh} Simplified), else the first. A tag outside the list
 * counts as its language when that is supported ({@code en-GB} is English) and otherwise
 * as no choice at all, and the cookie is only ever set to a supported language
 * ({@code ?lang=} with any other value chooses the default).
 * <p>
 * The list is closed on purpose: pages, country lists and messages are kept in memory per
 * language, so accepting any tag would let anyone fill the memory with copies for
 * languages that do not exist (issue 9).
 */
class SupportedLocaleResolver extends CookieLocaleResolver {

	static final String COOKIE = "safepassage-lang";

	/** Accept-Language ranges looked at; browsers send a handful. */
	static final int ACCEPT_LANGUAGE_TAGS = 20;

	private final List<Locale> supported;

	SupportedLocaleResolver(List<Locale> supported) {
		super(COOKIE);
		this.supported = List.copyOf(supported);
		setDefaultLocaleFunction(this::fromBrowser);
		setCookieMaxAge(Duration.ofDays(365));
		setRejectInvalidCookies(false);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return request.getAttribute(AddressLanguageFilter.ATTRIBUTE) instanceof Locale address ? address
				: super.resolveLocale(request);
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		return request.getAttribute(AddressLanguageFilter.ATTRIBUTE) instanceof Locale address
				? new SimpleLocaleContext(address) : super.resolveLocaleContext(request);
	}

	/**
	 * The first of the browser's languages (by quality) that is supported, matched by
	 * {@link #supportedMatch}; the header's tags are read as strings, so a long or odd
	 * header creates no locales. At most {@link #ACCEPT_LANGUAGE_TAGS} tags are looked
	 * at.
	 */
	private Locale fromBrowser(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return this.supported.getFirst();
		}
		Locale best = this.supported.getFirst();
		double bestQuality = 0;
		String[] ranges = header.split(",", ACCEPT_LANGUAGE_TAGS + 1);
		for (int i = 0; i < Math.min(ranges.length, ACCEPT_LANGUAGE_TAGS); i++) {
			String[] parts = ranges[i].strip().split(";", 2);
			double quality = quality(parts.length > 1 ? parts[1] : null);
			if (quality <= bestQuality || parts[0].length() > 35) {
				continue;
			}
			Locale match = supportedMatch(parts[0]);
			if (match != null) {
				best = match;
				bestQuality = quality;
			}
		}
		return best;
	}

	private static double quality(String parameter) {
		if (parameter == null) {
			return 1;
		}
		String value = parameter.strip();
		if (!value.startsWith("q=")) {
			return 1;
		}
		try {
			double quality = Double.parseDouble(value.substring(2));
			return quality >= 0 && quality <= 1 ? quality : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** An unsupported cookie value counts as no cookie. */
	@Override
	protected Locale parseLocaleValue(String value) {
		return supportedMatch(value);
	}

	/**
	 * {@code ?lang=ko} on any page chooses a language, kept in the cookie. The tag is
	 * matched by string as well: the usual parsing would create (and the JDK would cache)
	 * a {@link Locale} for every made-up tag.
	 */
	LocaleChangeInterceptor languageChange() {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor() {

			@Override
			protected Locale parseLocaleValue(String value) {
				Locale match = supportedMatch(value);
				return match == null ? SupportedLocaleResolver.this.supported.getFirst() : match;
			}

		};
		change.setParamName("lang");
		return change;
	}

	/** Any unsupported language chosen gives the default language. */
	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
		Locale chosen = context == null ? null : context.getLocale();
		if (chosen == null) {
			super.setLocaleContext(request, response, context);
			return;
		}
		Locale match = supportedMatch(chosen.toLanguageTag());
		super.setLocaleContext(request, response,
				new SimpleLocaleContext(match == null ? this.supported.getFirst() : match));
	}

	/**
	 * The supported language a tag names: the same tag, or one it narrows ({@code en-GB},
	 * {@code zh-Hant-TW}), or the first with its language; else null. Chinese tags with a
	 * region but no script read as the script of that region ({@code zh-TW} is
	 * {@code zh-Hant}). Plain string comparisons, so an unknown tag creates nothing.
	 */
	Locale supportedMatch(String tag) {
		if (tag == null || tag.isEmpty()) {
			return null;
		}
		String wanted = chineseScript(tag.replace('_', '-').toLowerCase(Locale.ROOT));
		Locale sameLanguage = null;
		for (Locale locale : this.supported) {
			String candidate = locale.toLanguageTag().toLowerCase(Locale.ROOT);
			if (wanted.equals(candidate) || wanted.startsWith(candidate + "-")) {
				return locale;
			}
			String language = locale.getLanguage();
			if (sameLanguage == null && (wanted.equals(language) || wanted.startsWith(language + "-"))) {
				sameLanguage = locale;
			}
		}
		return sameLanguage;
	}

	/**
	 * {@code zh-tw}, {@code zh-hk}, {@code zh-mo} become {@code zh-hant}; {@code zh-cn},
	 * {@code zh-sg} and {@code zh} become {@code zh-hans}; tags naming a script stay.
	 */
	private static String chineseScript(String tag) {
		if (!tag.equals("zh") && !tag.startsWith("zh-")) {
			return tag;
		}
		if (tag.startsWith("zh-hans") || tag.startsWith("zh-hant")) {
			return tag;
		}
		String rest = tag.length() > 3 ? tag.substring(3) : "";
		String region = rest.split("-", 2)[0];
		return switch (region) {
			case "tw", "hk", "mo" -> "zh-hant-" + rest;
			default -> "zh-hans" + (rest.isEmpty() ? "" : "-" + rest);
		};
	}

}
