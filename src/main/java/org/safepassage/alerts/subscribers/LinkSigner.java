package org.safepassage.alerts.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs links that act for one subscriber without a login: HMAC-SHA256 over the purpose
 * and the subscriber id, cut to 128 bits, URL-safe. Nothing is stored per link, so every
 * mail can carry one; a link for one purpose (preferences) cannot be used for another,
 * and signatures are compared in constant time.
 */
public final class LinkSigner {

	public enum Purpose {

		PREFERENCES, UNSUBSCRIBE

	}

	private static final int SIGNATURE_BYTES = 16;

	private final SecretKeySpec key;

	LinkSigner(byte[] secret) {
		if (secret == null || secret.length < 16) {
			throw new IllegalArgumentException("The link secret must be at least 16 bytes");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	String sign(Purpose purpose, long subscriberId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, subscriberId));
	}

	/**
	 * Compares the canonical text in constant time: base64 leaves unused bits in the last
	 * character, so comparing decoded bytes would accept several spellings of one
	 * signature.
	 */
	boolean verify(Purpose purpose, long subscriberId, String signature) {
		if (signature == null || !signature.matches("[A-Za-z0-9_-]{22}")) {
			return false;
		}
		return MessageDigest.isEqual(sign(purpose, subscriberId).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * A Mac per thread: looking one up and initialising it per link cost more than
	 * computing it.
	 */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
		}
	}

	private byte[] mac(Purpose purpose, long subscriberId) {
		byte[] full = macs.get().doFinal((purpose.name() + ":" + subscriberId).getBytes(StandardCharsets.US_ASCII));
		return Arrays.copyOf(full, SIGNATURE_BYTES);
	}

}
