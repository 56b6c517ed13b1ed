package org.safepassage.system.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class SuppressionsIntegrationTest extends IntegrationTest {

	@Autowired
	Suppressions suppressions;

	@Test
	void everySpellingOfASuppressedMailboxIsCaughtUntilLifted() {
		assertThat(suppressions.suppress("Gone.Away+news@gmail.com", Suppressions.Reason.HARD_BOUNCE, "smtp",
				"550 5.1.1 no such user"))
			.isTrue();
		assertThat(suppressions.suppress("goneaway@gmail.com", Suppressions.Reason.COMPLAINT, "dsn", null)).isFalse();

		assertThat(suppressions.suppressedAmong(List.of("GoneAway@googlemail.com", "someone.else@example.org")))
			.containsExactly("GoneAway@googlemail.com");
		assertThat(suppressions.page("goneaway", 10)).singleElement()
			.satisfies(s -> assertThat(s.reason()).isEqualTo(Suppressions.Reason.HARD_BOUNCE));

		assertThat(suppressions.lift("gone.away@gmail.com")).isTrue();
		assertThat(suppressions.isSuppressed("goneaway@gmail.com")).isFalse();
	}

}
