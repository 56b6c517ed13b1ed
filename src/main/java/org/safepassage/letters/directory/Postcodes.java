package org.safepassage.letters.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * UK postcodes as people type them ({@code eh99 1sp}, {@code EH991SP}, {@code SW1A 1AA})
 * and as the directory keys them (upper case, no space).
 */
public final class Postcodes {

	/**
	 * Outward code (area letters, district) and inward code (sector digit, unit letters).
	 */
	private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");

	/** Compiled once: an import keys millions of postcodes. */
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private Postcodes() {
	}

	/** The directory's key for a typed postcode, if it has the shape of one. */
	public static Optional<String> key(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String key = SPACES.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
		return POSTCODE.matcher(key).matches() ? Optional.of(key) : Optional.empty();
	}

	/** The usual written form of a key: {@code EH991SP} becomes {@code EH99 1SP}. */
	public static String display(String key) {
		return key.substring(0, key.length() - 3) + " " + key.substring(key.length() - 3);
	}

}
