package org.safepassage.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random URL-safe tokens for emailed links. Only their SHA-256 is stored, so a copy of
 * the database cannot be used to confirm or unsubscribe anyone.
 */
public final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	public static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required by every JVM", e);
		}
	}

	/**
	 * A token we issued is 32 URL-safe characters; anything else is rejected before
	 * touching the database.
	 */
	public static boolean looksValid(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{32}");
	}

}
