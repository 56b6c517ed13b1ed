package org.safepassage.shared;

import java.util.Locale;
import java.util.Set;

/**
 * The form of an address used to find repeat signatures: case-insensitive everywhere, and
 * without dots and {@code +tags} at providers that deliver those variants to the same
 * mailbox.
 */
public final class CanonicalEmail {

	private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");

	private CanonicalEmail() {
	}

	public static String of(String email) {
		String trimmed = email.strip().toLowerCase(Locale.ROOT);
		int at = trimmed.lastIndexOf('@');
		if (at < 1) {
			return trimmed;
		}
		String local = trimmed.substring(0, at);
		String domain = trimmed.substring(at + 1);
		if (GMAIL.contains(domain)) {
			int plus = local.indexOf('+');
			if (plus >= 0) {
				local = local.substring(0, plus);
			}
			return local.replace(".", "") + "@gmail.com";
		}
		return local + "@" + domain;
	}

}
