package org.safepassage.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the application as a whole; every value can be overridden by an environment
 * variable.
 *
 * @param baseUrl the public address used in mail links; its default is in
 * {@code application.yml}, as it derives from the server port
 * @param languages the languages pages are offered in, the first being the default (its
 * pages have no address prefix, the others are under {@code /ko/}, {@code /zh-Hans/}...);
 * a closed list, as copies of pages and country lists are kept per language (add one when
 * its message bundle exists: docs/translating.md)
 */
@ConfigurationProperties("safepassage")
public record SafePassageProperties(String baseUrl, @DefaultValue Admin admin, @DefaultValue EmbeddedDb embeddedDb,
		@DefaultValue( {
				"en", "ko", "zh-Hans", "zh-Hant" }) List<Locale> languages){

	public SafePassageProperties {
		if (languages == null || languages.isEmpty()) {
			throw new IllegalArgumentException("safepassage.languages needs at least one language");
		}
		languages = List.copyOf(languages);
	}

	public record Admin(String email, String password) {
	}

	/**
	 * Used only when no {@code spring.datasource.url} is set.
	 *
	 * @param probeInterval how often the supervisor checks that the server lives
	 * @param firstRestartDelay the wait before restarting a server that died again soon
	 * after a restart (or whose restart failed), doubling up to {@code maxRestartDelay}
	 */
	public record EmbeddedDb(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int port,
			@DefaultValue("500ms") Duration probeInterval, @DefaultValue("1s") Duration firstRestartDelay,
			@DefaultValue("1m") Duration maxRestartDelay) {
	}

	public String link(String path) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return base + path;
	}

	/**
	 * The public address of a page in a language: {@code /ko/petitions/1} for Korean, the
	 * path alone in the default language or one not offered. Mail links use it, so the
	 * page a mail leads to is in the language of the mail.
	 */
	public String link(String path, Locale locale) {
		if (locale == null || !path.startsWith("/") || locale.equals(languages.getFirst())
				|| !languages.contains(locale)) {
			return link(path);
		}
		return link("/" + locale.toLanguageTag() + path);
	}
}
