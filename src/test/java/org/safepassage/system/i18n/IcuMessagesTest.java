package org.safepassage.system.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.safepassage.shared.LocalDates;

/**
 * Plurals by each language's rules, per-key fallback to English, and dates as each
 * language writes them.
 */
class IcuMessagesTest {

	static final Locale KOREAN = Locale.KOREAN;

	static final Locale SIMPLIFIED = Locale.forLanguageTag("zh-Hans");

	static final Locale TRADITIONAL = Locale.forLanguageTag("zh-Hant");

	final IcuMessageSource messages = messages();

	static IcuMessageSource messages() {
		IcuMessageSource messages = new IcuMessageSource();
		messages.setBasenames("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	String count(long n, Locale locale) {
		return messages.getMessage("petition.signatureCount", new Object[] { n }, locale);
	}

	@Test
	void englishHasOneAndOther() {
		assertThat(count(0, Locale.ENGLISH)).isEqualTo("No signatures yet");
		assertThat(count(1, Locale.ENGLISH)).isEqualTo("1 signature");
		assertThat(count(2, Locale.ENGLISH)).isEqualTo("2 signatures");
		assertThat(count(12_345, Locale.ENGLISH)).isEqualTo("12,345 signatures");
	}

	@Test
	void koreanAndChineseHaveOneForm() {
		assertThat(count(0, KOREAN)).isEqualTo("아직 서명한 사람이 없습니다");
		assertThat(count(1, KOREAN)).isEqualTo("1명이 서명했습니다");
		assertThat(count(12_345, KOREAN)).isEqualTo("12,345명이 서명했습니다");
		assertThat(count(1, SIMPLIFIED)).isEqualTo("已有 1 人签名");
		assertThat(count(3, TRADITIONAL)).isEqualTo("已有 3 人簽名");
	}

	@Test
	void aKeyNotYetTranslatedFallsBackToEnglishAloneNotTheWholeFile() {
		// Every key of the application is translated now; a small bundle of the tests'
		// own shows the fallback, one key at a time.
		IcuMessageSource partial = new IcuMessageSource();
		partial.setBasenames("i18n-fallback/messages");
		partial.setDefaultEncoding("UTF-8");
		partial.setFallbackToSystemLocale(false);
		assertThat(partial.getMessage("both", null, KOREAN)).isEqualTo("한국어로");
		assertThat(partial.getMessage("only.english", null, KOREAN)).isEqualTo("Only in English");
		assertThat(partial.getMessage("count", new Object[] { 2 }, KOREAN)).isEqualTo("2 things");
		assertThat(messages.getMessage("nav.petitions", null, KOREAN)).isEqualTo("청원");
		assertThat(messages.getMessage("petitions.none", null, SIMPLIFIED)).isEqualTo("这里还没有请愿。");
	}

	@Test
	void messagesWithoutPluralsAreFormattedAsBefore() {
		assertThat(messages.getMessage("petition.to", new Object[] { "The UN" }, Locale.ENGLISH))
			.isEqualTo("To: The UN");
		assertThat(messages.getMessage("evidence.figure.overridden", new Object[] { "40", 1 }, Locale.ENGLISH))
			.isEqualTo("40 (researchers' estimate, 1 source)");
		assertThat(messages.getMessage("evidence.incident.overrideNote", new Object[] { "x" }, Locale.ENGLISH))
			.isEqualTo("Researchers' note on this figure: x");
	}

	@Test
	void noMessageHandRollsAPluralAnyMore() throws Exception {
		Properties bundle = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/messages.properties")) {
			bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(bundle.stringPropertyNames()).allSatisfy(key -> {
			String pattern = bundle.getProperty(key);
			assertThat(pattern).as(key).doesNotContain(",choice,").doesNotContain("(s)");
			if (IcuMessageSource.usesIcu(pattern)) {
				assertThat(pattern).as(key).contains("other {");
			}
		});
	}

	@Test
	void datesAsEachLanguageWritesThem() {
		LocalDate day = LocalDate.of(2023, 10, 9);
		assertThat(LocalDates.day(day, Locale.ENGLISH)).isEqualTo("9 October 2023");
		assertThat(LocalDates.day(day, KOREAN)).isEqualTo("2023년 10월 9일");
		assertThat(LocalDates.day(day, SIMPLIFIED)).isEqualTo("2023年10月9日");
		assertThat(LocalDates.day(day, TRADITIONAL)).isEqualTo("2023年10月9日");
		assertThat(LocalDates.month(YearMonth.of(2023, 10), Locale.ENGLISH)).isEqualTo("October 2023");
		assertThat(LocalDates.month(YearMonth.of(2023, 10), KOREAN)).isEqualTo("2023년 10월");
	}

}
