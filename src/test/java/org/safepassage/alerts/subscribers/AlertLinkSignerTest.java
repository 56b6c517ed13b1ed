package org.safepassage.alerts.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
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
	void aShortSecretIsRefused() {
		assertThatThrownBy(() -> new LinkSigner("short".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
