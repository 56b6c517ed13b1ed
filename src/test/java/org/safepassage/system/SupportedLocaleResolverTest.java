package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Issue 9: only supported languages, whatever the cookie, ?lang= or browser says. */
class SupportedLocaleResolverTest {

	static final Locale KOREAN = Locale.KOREAN;

	static final Locale TRADITIONAL_CHINESE = Locale.forLanguageTag("zh-Hant");

	final SupportedLocaleResolver englishOnly = new SupportedLocaleResolver(List.of(Locale.ENGLISH));

	final SupportedLocaleResolver three = new SupportedLocaleResolver(
			List.of(Locale.ENGLISH, KOREAN, TRADITIONAL_CHINESE));

	@Test
	void theLanguagesAreASettingWithEnglishAsDefault() {
		assertThat(bind(Map.of()).languages()).containsExactly(Locale.ENGLISH, KOREAN, Locale.forLanguageTag("zh-Hans"),
				TRADITIONAL_CHINESE);
		assertThat(bind(Map.of("safepassage.languages", "en")).languages()).containsExactly(Locale.ENGLISH);
		assertThat(bind(Map.of("safepassage.languages", "en,ko,zh-Hant")).languages()).containsExactly(Locale.ENGLISH,
				KOREAN, TRADITIONAL_CHINESE);
	}

	@Test
	void aSupportedCookieIsKept() {
		assertThat(three.resolveLocale(withCookie("ko"))).isEqualTo(KOREAN);
		assertThat(three.resolveLocale(withCookie("zh-Hant"))).isEqualTo(TRADITIONAL_CHINESE);
		assertThat(englishOnly.resolveLocale(withCookie("en"))).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void aNarrowerTagCountsAsItsSupportedLanguage() {
		assertThat(englishOnly.resolveLocale(withCookie("en-GB"))).isEqualTo(Locale.ENGLISH);
		assertThat(three.resolveLocale(withCookie("ko_KR"))).isEqualTo(KOREAN);
		assertThat(three.resolveLocale(withCookie("zh-Hant-TW"))).isEqualTo(TRADITIONAL_CHINESE);
		assertThat(three.resolveLocale(withCookie("zh"))).isEqualTo(TRADITIONAL_CHINESE);
	}

	@Test
	void anyOtherCookieGivesTheDefault() {
		for (String tag : List.of("ko", "fr", "qaa-x-123", "de-x-f1", "!!", "", "-", "a/b/c")) {
			assertThat(englishOnly.resolveLocale(withCookie(tag))).as(tag).isEqualTo(Locale.ENGLISH);
		}
		assertThat(three.resolveLocale(withCookie("fr-FR"))).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void withoutACookieTheBrowsersSupportedLanguageElseTheDefault() {
		MockHttpServletRequest korean = new MockHttpServletRequest();
		korean.addHeader("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5");
		assertThat(three.resolveLocale(korean)).isEqualTo(KOREAN);
		MockHttpServletRequest french = new MockHttpServletRequest();
		french.addHeader("Accept-Language", "fr-FR,qaa-x-1;q=0.9");
		assertThat(three.resolveLocale(french)).isEqualTo(Locale.ENGLISH);
		MockHttpServletRequest koreanAgain = new MockHttpServletRequest();
		koreanAgain.addHeader("Accept-Language", "ko-KR");
		assertThat(englishOnly.resolveLocale(koreanAgain)).isEqualTo(Locale.ENGLISH);
		assertThat(englishOnly.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void chineseRegionsReadTheirScript() {
		SupportedLocaleResolver four = new SupportedLocaleResolver(
				List.of(Locale.ENGLISH, KOREAN, Locale.forLanguageTag("zh-Hans"), TRADITIONAL_CHINESE));
		for (String tag : List.of("zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh_TW")) {
			MockHttpServletRequest browser = new MockHttpServletRequest();
			browser.addHeader("Accept-Language", tag + ",en;q=0.5");
			assertThat(four.resolveLocale(browser)).as(tag).isEqualTo(TRADITIONAL_CHINESE);
		}
		for (String tag : List.of("zh-CN", "zh-SG", "zh", "zh-Hans", "zh-Hans-CN")) {
			MockHttpServletRequest browser = new MockHttpServletRequest();
			browser.addHeader("Accept-Language", tag);
			assertThat(four.resolveLocale(browser)).as(tag).isEqualTo(Locale.forLanguageTag("zh-Hans"));
		}
		MockHttpServletRequest ordered = new MockHttpServletRequest();
		ordered.addHeader("Accept-Language", "fr;q=1, en;q=0.3, zh-TW;q=0.8");
		assertThat(four.resolveLocale(ordered)).isEqualTo(TRADITIONAL_CHINESE);
	}

	@Test
	void theCookieIsOnlyEverSetToASupportedLanguage() throws Exception {
		assertThat(choose(three, "ko")).isEqualTo("ko");
		assertThat(choose(three, "zh-Hant-HK")).isEqualTo("zh-Hant");
		assertThat(choose(englishOnly, "en-GB")).isEqualTo("en");
		for (String tag : List.of("ko", "fr", "qaa-x-123", "zz-AB-x-7", "de-DE-u-ca-buddhist", "%%%", "")) {
			assertThat(choose(englishOnly, tag)).as(tag).isEqualTo("en");
		}
		assertThat(choose(three, "fr")).isEqualTo("en");
	}

	/** The value of the cookie set by {@code ?lang=tag}, and the page's language. */
	static String choose(SupportedLocaleResolver resolver, String tag) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("lang", tag);
		MockHttpServletResponse response = new MockHttpServletResponse();
		LocaleChangeInterceptor change = resolver.languageChange();
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
		change.preHandle(request, response, new Object());
		Cookie cookie = response.getCookie(SupportedLocaleResolver.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(resolver.resolveLocale(request).toLanguageTag()).isEqualTo(cookie.getValue());
		return cookie.getValue();
	}

	static MockHttpServletRequest withCookie(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie(SupportedLocaleResolver.COOKIE, value));
		return request;
	}

	static SafePassageProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("safepassage",
				SafePassageProperties.class);
	}

}
