package org.safepassage.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlertsPropertiesTest {

	AlertsProperties properties = new AlertsProperties(null, ZoneId.of("Europe/London"),
			List.of("en", "ko", "zh-Hans", "zh-Hant"), Duration.ofDays(14), 3, new AlertsProperties.Sending(null),
			new AlertsProperties.PreferenceLinks(Duration.ofDays(90), Duration.ofHours(1)),
			new AlertsProperties.Prayers(3, 100_000));

	@Test
	void aSignersOrBrowsersLanguageIsOneAlertsAreWrittenIn() {
		assertThat(this.properties.language("ko-KR")).isEqualTo("ko");
		assertThat(this.properties.language("ko")).isEqualTo("ko");
		assertThat(this.properties.language("zh-Hant")).isEqualTo("zh-Hant");
		assertThat(this.properties.language("zh-TW")).isEqualTo("zh-Hant");
		assertThat(this.properties.language("zh_HK")).isEqualTo("zh-Hant");
		assertThat(this.properties.language("zh-CN")).isEqualTo("zh-Hans");
		assertThat(this.properties.language("zh")).isEqualTo("zh-Hans");
		assertThat(this.properties.language("en-GB")).isEqualTo("en");
		assertThat(this.properties.language("fr")).isEqualTo("en");
		assertThat(this.properties.language(null)).isEqualTo("en");
	}

}
