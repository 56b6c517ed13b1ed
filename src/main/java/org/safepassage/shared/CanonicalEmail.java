package org.safepassage.shared;

import java.util.Locale;
import java.util.Set;

/**
 * The form of an address that names its mailbox: case-insensitive everywhere, without a
 * {@code +tag} at any provider (nearly all deliver {@code name+tag@} to {@code name@},
 * and treating the few that do not as one mailbox costs only a shared limit), and without
 * dots at providers that ignore them. Used to find repeat signatures and to cap the mail
 * one mailbox receives from the public forms.
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
		int plus = local.indexOf('+');
		if (plus > 0) {
			local = local.substring(0, plus);
		}
		if (GMAIL.contains(domain)) {
			return local.replace(".", "") + "@gmail.com";
		}
		return local + "@" + domain;
	}

}
