package org.safepassage.journeys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Is a text written for a reader of Korean or Chinese? Not one string looked for, but the
 * whole text read for English that slipped through: any run of three or more words in
 * Latin letters (words joined by spaces and light punctuation) left once the names a page
 * may carry in their own spelling are taken out. Two English words side by side pass (a
 * brand, "CSW", "Open Doors"), three do not ("Please try again").
 */
final class ReadableIn {

	/** Names spelled in Latin letters in every language. */
	static final List<String> NAMES = List.of("SafePassage", "PRC", "WCAG", "QR", "Atom", "RSS", "CSV", "PDF", "JSON");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

	private static final Pattern URL = Pattern.compile("https?://\\S+");

	private static final Pattern LATIN_RUN = Pattern
		.compile("\\p{IsLatin}[\\p{IsLatin}'’-]*(?:[ \\t,;:&/]+\\p{IsLatin}[\\p{IsLatin}'’-]*){2,}");

	private ReadableIn() {
	}

	/**
	 * The runs of three or more English words in {@code text} once e-mail addresses,
	 * addresses and {@code allowed} names (and {@link #NAMES}) are taken out.
	 */
	static List<String> englishRuns(String text, Collection<String> allowed) {
		String rest = URL.matcher(EMAIL.matcher(text).replaceAll(" · ")).replaceAll(" · ");
		List<String> names = new ArrayList<>(allowed);
		names.addAll(NAMES);
		// Longest first, so "Open Doors UK & Ireland" goes before "Open Doors".
		names.sort((a, b) -> b.length() - a.length());
		for (String name : names) {
			rest = rest.replace(name, " · ");
		}
		List<String> runs = new ArrayList<>();
		Matcher run = LATIN_RUN.matcher(rest);
		while (run.find()) {
			runs.add(run.group());
		}
		return runs;
	}

}
