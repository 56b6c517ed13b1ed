package org.safepassage.system.i18n;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The application's one {@link MessageSource}, set up from {@code spring.messages} as
 * Spring Boot would set up its own, but formatting ICU plurals
 * ({@link IcuMessageSource}).
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		IcuMessageSource messages = new IcuMessageSource();
		messages
			.setBasenames(properties.getBasename().stream().map(StringUtils::trimAllWhitespace).toArray(String[]::new));
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			messages.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return messages;
	}

}
