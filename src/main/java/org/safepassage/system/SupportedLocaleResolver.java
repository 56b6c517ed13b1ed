package org.safepassage.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The reader's language, always one of {@code safepassage.languages}: the one chosen
 * before (the {@code safepassage-lang} cookie, set by {@code ?lang=}), else the browser's
 * (Accept-Language), else the first. A tag outside the list counts as its language when
 * that is supported ({@code en-GB} is English) and otherwise as no choice at all, and the
 * cookie is only ever set to a supported language ({@code ?lang=} with any other value
 * chooses the default).
 * <p>
 * The list is closed on purpose: pages, country lists and messages are kept in memory per
 * language, so accepting any tag would let anyone fill the memory with copies for
 * languages that do not exist (issue 9).
 */
class SupportedLocaleResolver extends CookieLocaleResolver {

	static final String COOKIE = "safepassage-lang";

	private final List<Locale> supported;

	SupportedLocaleResolver(List<Locale> supported) {
		super(COOKIE);
		this.supported = List.copyOf(supported);
		AcceptHeaderLocaleResolver fromBrowser = new AcceptHeaderLocaleResolver();
		fromBrowser.setSupportedLocales(this.supported);
		fromBrowser.setDefaultLocale(this.supported.getFirst());
		setDefaultLocaleFunction(fromBrowser::resolveLocale);
		setCookieMaxAge(Duration.ofDays(365));
		setRejectInvalidCookies(false);
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
	 * {@code zh-Hant-TW}), or the first with its language; else null. Plain string
	 * comparisons, so an unknown tag creates nothing.
	 */
	Locale supportedMatch(String tag) {
		if (tag == null || tag.isEmpty()) {
			return null;
		}
		String wanted = tag.replace('_', '-').toLowerCase(Locale.ROOT);
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

}
