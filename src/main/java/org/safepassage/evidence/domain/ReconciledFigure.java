package org.safepassage.evidence.domain;

import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The figure the public sees for an incident. {@code openEnded}: no counted source gives
 * an upper bound, so high is only the low. {@code basis} is the grade of the reports
 * counted; {@code overrideNote} is set when a researcher's figure replaces the derived
 * one.
 */
public record ReconciledFigure(Long low, Long best, Long high, boolean openEnded, int sources, Reliability basis,
		int unreadable, String overrideNote) {

	static ReconciledFigure unknown(int unreadable) {
		return new ReconciledFigure(null, null, null, false, 0, null, unreadable, null);
	}

	public boolean known() {
		return best != null;
	}

	public boolean overridden() {
		return overrideNote != null;
	}

	/** The figure and nothing else: "500–600", "500+" (no upper bound), "80". */
	public String range(Locale locale) {
		if (!known()) {
			return "";
		}
		NumberFormat format = NumberFormat.getIntegerInstance(locale);
		if (openEnded) {
			return format.format(low) + "+";
		}
		return low.equals(high) ? format.format(low) : format.format(low) + "–" + format.format(high);
	}

	/** As the public reads it: "500–600 (2 sources)". */
	public String text(MessageSource messages, Locale locale) {
		if (!known()) {
			return messages.getMessage("evidence.figure.unknown", null, locale);
		}
		String key = overridden() ? "evidence.figure.overridden"
				: openEnded ? "evidence.figure.atLeast" : "evidence.figure.withSources";
		return messages.getMessage(key, new Object[] {
				openEnded ? NumberFormat.getIntegerInstance(locale).format(low) : range(locale), sources }, locale);
	}
}
