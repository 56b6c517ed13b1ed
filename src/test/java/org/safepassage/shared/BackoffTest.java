package org.safepassage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

	@Test
	void doublesFromTheFirstDelayUpToTheCap() {
		Duration first = Duration.ofSeconds(30);
		Duration max = Duration.ofHours(1);
		assertThat(Backoff.exponential(first, max, 1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(Backoff.exponential(first, max, 2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Backoff.exponential(first, max, 4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(Backoff.exponential(first, max, 9)).isEqualTo(max);
		assertThat(Backoff.exponential(first, max, 1000)).isEqualTo(max);
	}

}
