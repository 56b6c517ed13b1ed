package org.safepassage.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The short environment variables the README documents ({@code PORT},
 * {@code SAFEPASSAGE_DATA_DIR}, …) for settings whose relaxed-binding names are long.
 * They only name a setting; each default stays in its properties record (or, for Spring's
 * own settings, in {@code application.yml}). An alias ranks just below the real
 * environment variable, so {@code SAFEPASSAGE_EMBEDDEDDB_DATADIR} still wins.
 */
class SettingAliases implements EnvironmentPostProcessor {

	static final Map<String, String> ALIASES = Map.of("PORT", "server.port", "SAFEPASSAGE_BASE_URL",
			"safepassage.base-url", "SAFEPASSAGE_DATA_DIR", "safepassage.embedded-db.data-dir",
			"SAFEPASSAGE_EMBEDDED_DB_PORT", "safepassage.embedded-db.port", "SAFEPASSAGE_DEMO",
			"safepassage.demo.enabled", "SAFEPASSAGE_TRUSTED_PROXIES", "server.tomcat.remoteip.internal-proxies",
			"SAFEPASSAGE_DB_POOL_SIZE", "spring.datasource.hikari.maximum-pool-size");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> values = new LinkedHashMap<>();
		ALIASES.forEach((alias, property) -> {
			String value = environment.getProperty(alias);
			if (value != null && !value.isBlank()) {
				values.put(property, value);
			}
		});
		if (values.isEmpty()) {
			return;
		}
		MapPropertySource aliases = new MapPropertySource("safepassageSettingAliases", values);
		String environmentVariables = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		if (environment.getPropertySources().contains(environmentVariables)) {
			environment.getPropertySources().addAfter(environmentVariables, aliases);
		}
		else {
			environment.getPropertySources().addLast(aliases);
		}
	}

}
