package org.safepassage.petitions.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.safepassage.petitions.signing.Signing.LinkStatus;
import org.safepassage.shared.Tokens;

class ConfirmationLinkTest {

	static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	@Test
	void aFreshLinkIsValid() {
		assertThat(Signing.statusOf(null, NOW.plus(Duration.ofDays(14)), true, NOW)).isEqualTo(LinkStatus.VALID);
	}

	@Test
	void aLinkExpiresAtItsExpiryInstant() {
		Instant expiry = NOW.plus(Duration.ofDays(14));
		assertThat(Signing.statusOf(null, expiry, true, expiry.minusSeconds(1))).isEqualTo(LinkStatus.VALID);
		assertThat(Signing.statusOf(null, expiry, true, expiry)).isEqualTo(LinkStatus.EXPIRED);
	}

	@Test
	void aUsedLinkSaysSoEvenAfterExpiry() {
		assertThat(Signing.statusOf(NOW, NOW.plusSeconds(1), true, NOW.plus(Duration.ofDays(30))))
			.isEqualTo(LinkStatus.CONFIRMED);
	}

	@Test
	void aLinkToAClosedPetitionCannotConfirm() {
		assertThat(Signing.statusOf(null, NOW.plusSeconds(60), false, NOW)).isEqualTo(LinkStatus.PETITION_CLOSED);
	}

	@Test
	void tokensAreRandomUrlSafeAndRecognisable() {
		String a = Tokens.newToken();
		String b = Tokens.newToken();
		assertThat(a).isNotEqualTo(b).hasSize(32);
		assertThat(Tokens.looksValid(a)).isTrue();
		assertThat(Tokens.looksValid("../etc/passwd")).isFalse();
		assertThat(Tokens.looksValid(null)).isFalse();
	}

}
