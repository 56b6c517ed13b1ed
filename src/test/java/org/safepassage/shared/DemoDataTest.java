package org.safepassage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DemoDataTest {

	@DemoData
	static class Loader {

	}

	private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Loader.class);

	@Test
	void demoLoadersRunByDefault() {
		this.context.run(context -> assertThat(context).hasSingleBean(Loader.class));
	}

	@Test
	void demoFalseTurnsThemOff() {
		this.context.withPropertyValues("safepassage.demo.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(Loader.class));
	}

}
