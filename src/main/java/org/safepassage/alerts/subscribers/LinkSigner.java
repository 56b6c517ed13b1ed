package org.safepassage.alerts.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs links that act for one subscriber without a login: HMAC-SHA256 over the purpose
 * and the subscriber id, cut to 128 bits, URL-safe. Nothing is stored per link, so every
 * mail can carry one; a link for one purpose (preferences) cannot be used for another,
 * and signatures are compared in constant time.
 * <p>
 * A dated link also signs the day it was issued and is written {@code <day>.<signature>}
 * (the day as days since 1970-01-01, UTC), so it can expire with nothing stored. Links
 * from before dates were signed carry a signature only: for a dated purpose they are
 * recognised as genuine but expired.
 */
public final class LinkSigner {

	public enum Purpose {

		PREFERENCES, UNSUBSCRIBE

	}

	/** What a dated link is worth on a given day. */
	public enum Check {

		VALID, EXPIRED, INVALID

	}

	private static final int SIGNATURE_BYTES = 16;

	private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final Pattern DATED = Pattern.compile("(0|[1-9]\\d{0,6})\\.([A-Za-z0-9_-]{22})");

	private final SecretKeySpec key;

	LinkSigner(byte[] secret) {
		if (secret == null || secret.length < 16) {
			throw new IllegalArgumentException("The link secret must be at least 16 bytes");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** A link that never expires. */
	String sign(Purpose purpose, long subscriberId) {
		return encode(purpose.name() + ":" + subscriberId);
	}

	boolean verify(Purpose purpose, long subscriberId, String signature) {
		return signature != null && SIGNATURE.matcher(signature).matches()
				&& sameText(sign(purpose, subscriberId), signature);
	}

	/** A link issued on {@code issued}. */
	String signDated(Purpose purpose, long subscriberId, LocalDate issued) {
		long day = issued.toEpochDay();
		return day + "." + encode(purpose.name() + ":" + subscriberId + ":" + day);
	}

	/**
	 * A dated link is valid on the day it was issued and the {@code lifetimeDays} days
	 * after. One dated more than a day ahead of {@code today} was not issued by this
	 * clock and is refused.
	 */
	Check check(Purpose purpose, long subscriberId, String link, LocalDate today, long lifetimeDays) {
		if (link == null) {
			return Check.INVALID;
		}
		Matcher dated = DATED.matcher(link);
		if (dated.matches()) {
			long day = Long.parseLong(dated.group(1));
			if (!sameText(encode(purpose.name() + ":" + subscriberId + ":" + day), dated.group(2))
					|| day > today.toEpochDay() + 1) {
				return Check.INVALID;
			}
			return today.toEpochDay() > day + lifetimeDays ? Check.EXPIRED : Check.VALID;
		}
		return verify(purpose, subscriberId, link) ? Check.EXPIRED : Check.INVALID;
	}

	private String encode(String signed) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(signed));
	}

	/**
	 * Compares the canonical text in constant time: base64 leaves unused bits in the last
	 * character, so comparing decoded bytes would accept several spellings of one
	 * signature.
	 */
	private static boolean sameText(String expected, String given) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
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

	private byte[] mac(String signed) {
		byte[] full = macs.get().doFinal(signed.getBytes(StandardCharsets.US_ASCII));
		return Arrays.copyOf(full, SIGNATURE_BYTES);
	}

}
