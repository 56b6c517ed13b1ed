package org.safepassage.system.i18n;

import java.util.List;

import org.safepassage.system.SafePassageProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	/**
	 * Each language's name as written in it ({@code language.ko=한국어}), read once: the
	 * names are the same on every page.
	 */
	@Bean
	LanguageDialect languageDialect(SafePassageProperties properties, MessageSource messages) {
		List<String> names = properties.languages()
			.stream()
			.map(locale -> messages.getMessage("language." + locale.toLanguageTag(), null,
					locale.getDisplayLanguage(locale), locale))
			.toList();
		return new LanguageDialect(properties.languages(), names, properties.baseUrl());
	}

}
