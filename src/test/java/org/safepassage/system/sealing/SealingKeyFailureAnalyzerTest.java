package org.safepassage.system.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SealingKeyFailureAnalyzerTest {

	@Test
	void aRefusedKeyDeepInTheBeanFailuresIsReportedAsItsMessageAndWhatToDo() {
		SealingKeyRefused refused = new SealingKeyRefused(
				"The sealing key from /srv/k is not the key this database " + "was sealed with. Refusing to start");
		Throwable failure = new BeanCreationException("sealingJobs",
				new BeanCreationException("sealing", "Failed to instantiate", refused));

		FailureAnalysis analysis = new SealingKeyFailureAnalyzer().analyze(failure);

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());
		assertThat(analysis.getAction()).contains("SAFEPASSAGE_SEALING_KEY", "docs/operations.md");
	}

	@Test
	void otherFailuresAreLeftToSpringBoot() {
		assertThat(new SealingKeyFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

}
