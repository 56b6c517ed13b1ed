package org.safepassage.booklets.web;

import java.util.regex.Pattern;

/** Whole numbers typed into staff filters and small forms, read without exceptions. */
final class Numbers {

	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

	private Numbers() {
	}

	/** The number, or {@code null} for anything else (blank, too long, not digits). */
	static Long orNull(String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip().replace(",", "");
		return WHOLE.matcher(value).matches() ? Long.valueOf(value) : null;
	}

}
