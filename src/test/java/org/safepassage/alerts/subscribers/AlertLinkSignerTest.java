package org.safepassage.alerts.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.safepassage.alerts.subscribers.LinkSigner.Check;
import org.safepassage.alerts.subscribers.LinkSigner.Purpose;

/** Signed preference and unsubscribe links. */
class AlertLinkSignerTest {

	final LinkSigner signer = new LinkSigner("a secret of at least 16 bytes".getBytes(StandardCharsets.UTF_8));

	@Test
	void aSignatureIsUrlSafeStableAndVerifies() {
		String signature = signer.sign(Purpose.UNSUBSCRIBE, 42);
		assertThat(signature).matches("[A-Za-z0-9_-]{22}").isEqualTo(signer.sign(Purpose.UNSUBSCRIBE, 42));
		assertThat(signer.verify(Purpose.UNSUBSCRIBE, 42, signature)).isTrue();
	}

	@Test
	void anotherSubscriberPurposeOrSecretDoesNotVerify() {
		String signature = signer.sign(Purpose.UNSUBSCRIBE, 42);
		assertThat(signer.verify(Purpose.UNSUBSCRIBE, 43, signature)).isFalse();
		assertThat(signer.verify(Purpose.PREFERENCES, 42, signature)).isFalse();
		LinkSigner other = new LinkSigner("another secret, also long enough".getBytes(StandardCharsets.UTF_8));
		assertThat(other.verify(Purpose.UNSUBSCRIBE, 42, signature)).isFalse();
	}

	@Test
	void tamperedOrMalformedSignaturesAreRefused() {
		String signature = signer.sign(Purpose.PREFERENCES, 7);
		char last = signature.charAt(21);
		String tampered = signature.substring(0, 21) + (last == 'A' ? 'B' : 'A');
		assertThat(signer.verify(Purpose.PREFERENCES, 7, tampered)).isFalse();
		assertThat(signer.verify(Purpose.PREFERENCES, 7, null)).isFalse();
		assertThat(signer.verify(Purpose.PREFERENCES, 7, "")).isFalse();
		assertThat(signer.verify(Purpose.PREFERENCES, 7, "<script>alert(1)</script>")).isFalse();
		assertThat(signer.verify(Purpose.PREFERENCES, 7, signature + "A")).isFalse();
		// Base64 leaves unused bits in the last character: another spelling of the same
		// bytes is refused too.
		for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
			String other = signature.substring(0, 21) + c;
			assertThat(signer.verify(Purpose.PREFERENCES, 7, other)).isEqualTo(other.equals(signature));
		}
	}

	@Test
	void aDatedLinkIsValidFromItsDayForItsLifetimeThenExpired() {
		LocalDate issued = LocalDate.of(2026, 3, 1);
		String link = signer.signDated(Purpose.PREFERENCES, 42, issued);
		assertThat(link).matches("\\d+\\.[A-Za-z0-9_-]{22}").startsWith(issued.toEpochDay() + ".");
		assertThat(signer.check(Purpose.PREFERENCES, 42, link, issued, 90)).isEqualTo(Check.VALID);
		assertThat(signer.check(Purpose.PREFERENCES, 42, link, issued.plusDays(90), 90)).isEqualTo(Check.VALID);
		assertThat(signer.check(Purpose.PREFERENCES, 42, link, issued.plusDays(91), 90)).isEqualTo(Check.EXPIRED);
	}

	@Test
	void theDateCannotBeMovedAndAnotherSubscriberOrPurposeIsRefused() {
		LocalDate issued = LocalDate.of(2026, 3, 1);
		String link = signer.signDated(Purpose.PREFERENCES, 42, issued);
		String signature = link.substring(link.indexOf('.') + 1);
		LocalDate later = issued.plusDays(200);
		assertThat(signer.check(Purpose.PREFERENCES, 42, later.toEpochDay() + "." + signature, later, 90))
			.isEqualTo(Check.INVALID);
		assertThat(signer.check(Purpose.PREFERENCES, 42, "0" + link, issued, 90)).isEqualTo(Check.INVALID);
		assertThat(signer.check(Purpose.PREFERENCES, 43, link, issued, 90)).isEqualTo(Check.INVALID);
		assertThat(signer.check(Purpose.UNSUBSCRIBE, 42, link, issued, 90)).isEqualTo(Check.INVALID);
		assertThat(signer.check(Purpose.PREFERENCES, 42, null, issued, 90)).isEqualTo(Check.INVALID);
		assertThat(signer.check(Purpose.PREFERENCES, 42, "9999999." + signature, issued, 90)).isEqualTo(Check.INVALID);
		// Not issued by a clock that agrees with ours.
		String ahead = signer.signDated(Purpose.PREFERENCES, 42, issued.plusDays(2));
		assertThat(signer.check(Purpose.PREFERENCES, 42, ahead, issued, 90)).isEqualTo(Check.INVALID);
	}

	@Test
	void anUndatedLinkFromBeforeDatesIsGenuineButExpired() {
		LocalDate today = LocalDate.of(2026, 3, 1);
		assertThat(signer.check(Purpose.PREFERENCES, 42, signer.sign(Purpose.PREFERENCES, 42), today, 90))
			.isEqualTo(Check.EXPIRED);
		assertThat(signer.check(Purpose.PREFERENCES, 42, signer.sign(Purpose.UNSUBSCRIBE, 42), today, 90))
			.isEqualTo(Check.INVALID);
		assertThat(signer.check(Purpose.PREFERENCES, 42, signer.sign(Purpose.PREFERENCES, 43), today, 90))
			.isEqualTo(Check.INVALID);
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatThrownBy(() -> new LinkSigner("short".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
