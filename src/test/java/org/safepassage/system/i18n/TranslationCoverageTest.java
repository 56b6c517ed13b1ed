package org.safepassage.system.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

/**
 * What each translation still lacks, reported and not failed until the translations land
 * (docs/translating.md); what would break a page fails: a key English no longer has, or a
 * pattern that does not parse.
 */
class TranslationCoverageTest {

	static final List<String> TRANSLATIONS = List.of("ko", "zh_Hans", "zh_Hant");

	static Properties bundle(String suffix) throws IOException {
		Properties bundle = new Properties();
		String name = "/messages/messages" + (suffix.isEmpty() ? "" : "_" + suffix) + ".properties";
		try (InputStream in = TranslationCoverageTest.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return bundle;
	}

	@Test
	void reportsTheKeysEachLanguageStillLacks() throws IOException {
		// Languages' own names are written once, in the English bundle.
		Set<String> english = new TreeSet<>(bundle("").stringPropertyNames());
		english.removeIf(key -> key.startsWith("language."));
		StringBuilder report = new StringBuilder("Translations (keys translated / keys in English):\n");
		for (String language : TRANSLATIONS) {
			Set<String> translated = bundle(language).stringPropertyNames();
			Set<String> missing = new TreeSet<>(english);
			missing.removeAll(translated);
			report.append(String.format("  %-8s %4d / %d, missing e.g. %s%n", language, english.size() - missing.size(),
					english.size(), missing.stream().limit(5).toList()));
		}
		System.out.println(report);
	}

	@Test
	void everyTranslatedKeyExistsInEnglishAndParses() throws IOException {
		Properties english = bundle("");
		for (String language : TRANSLATIONS) {
			Properties translated = bundle(language);
			ULocale locale = ULocale.forLocale(Locale.forLanguageTag(language.replace('_', '-')));
			for (String key : translated.stringPropertyNames()) {
				assertThat(english.getProperty(key)).as(language + ": " + key + " is not an English key").isNotNull();
				String pattern = translated.getProperty(key);
				assertThat(pattern).as(language + ": " + key).isNotBlank();
				if (IcuMessageSource.usesIcu(pattern)) {
					MessageFormat format = new MessageFormat(pattern, locale);
					assertThat(format.format(new Object[] { 3, 3, 3, 3 })).as(language + ": " + key).isNotBlank();
				}
			}
		}
	}

}
