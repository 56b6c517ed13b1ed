package org.safepassage.petitions.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of a canonical list, fed one row at a time so no list is ever held: each
 * row's line ({@code name TAB country TAB yyyy-mm-dd LF}) in UTF-8, in the list's order.
 * Also counts the rows, in all and per country. The procedure is written out for people
 * in docs/delivery-pack.md.
 */
public final class CanonicalList {

	/** What comes before the first checkpoint of a chain. */
	public static final String CHAIN_START = "0".repeat(64);

	private final MessageDigest sha256 = sha256();

	private final Map<String, Long> byCountry = new TreeMap<>();

	private long count;

	public void add(PackRow row) {
		addLine(row.line());
		byCountry.merge(row.country(), 1L, Long::sum);
	}

	/** A line already in canonical form, as read back from a CSV. */
	void addLine(String line) {
		sha256.update(line.getBytes(StandardCharsets.UTF_8));
		count++;
	}

	public long count() {
		return count;
	}

	/** Signatures per country code, in code order. */
	public Map<String, Long> byCountry() {
		return byCountry;
	}

	/** The digest in lower-case hex; the list is finished once asked. */
	public String digest() {
		return HexFormat.of().formatHex(sha256.digest());
	}

	/**
	 * A checkpoint's link in its chain: the SHA-256 of
	 * {@code previous TAB day TAB count TAB digest LF} in ASCII.
	 */
	public static String chain(String previous, LocalDate day, long count, String digest) {
		String entry = previous + '\t' + day + '\t' + count + '\t' + digest + '\n';
		return HexFormat.of().formatHex(sha256().digest(entry.getBytes(StandardCharsets.US_ASCII)));
	}

	/** The digest of the rows added so far; more may be added after. */
	public String digestSoFar() {
		try {
			return HexFormat.of().formatHex(((MessageDigest) sha256.clone()).digest());
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 of the JDK can be cloned", ex);
		}
	}

	/** A digest as people may paste it: hex of any case, spaces around; else null. */
	public static String normaliseDigest(String text) {
		if (text == null) {
			return null;
		}
		String hex = text.strip().toLowerCase(Locale.ROOT);
		return hex.matches("[0-9a-f]{64}") ? hex : null;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
