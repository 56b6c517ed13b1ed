package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SettingAliasesTest {

	@Test
	void shortNamesSetTheirSettings() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("PORT", "9090", "SAFEPASSAGE_DATA_DIR", "/srv/sp", "SAFEPASSAGE_DEMO", "false",
									"SAFEPASSAGE_TRUSTED_PROXIES", "10\\.0\\.0\\.1")));
		new SettingAliases().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.port")).isEqualTo("9090");
		assertThat(environment.getProperty("safepassage.embedded-db.data-dir")).isEqualTo("/srv/sp");
		assertThat(environment.getProperty("safepassage.demo.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("server.tomcat.remoteip.internal-proxies")).isEqualTo("10\\.0\\.0\\.1");
		assertThat(environment.getProperty("safepassage.base-url")).isNull();
	}

}
