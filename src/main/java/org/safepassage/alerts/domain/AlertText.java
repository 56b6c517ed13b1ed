package org.safepassage.alerts.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an alert says in one language, as its mail shows it: the original, or a
 * translation. A translation counts only when it is complete: title and body, the verse
 * and its reference when the alert has a verse, the points when it has points. A mail in
 * Korean with an English call to action would not be a Korean mail, so a partial
 * translation is not sent (the site shows it, with a note on what is untranslated).
 *
 * @param fields field to text, as the translations store them (points one per line);
 * empty for the original
 */
public record AlertText(String language, Map<String, String> fields) {

	public static final String TITLE = "title";

	public static final String BODY = "body";

	public static final String POINTS = "points";

	public static final String VERSE_TEXT = "verseText";

	public static final String VERSE_REFERENCE = "verseReference";

	public AlertText {
		fields = Map.copyOf(fields);
	}

	public static AlertText original(AlertContent content) {
		return new AlertText(content.language(), Map.of());
	}

	public boolean isOriginal() {
		return fields.isEmpty();
	}

	/** The fields a complete translation of this alert has. */
	public static List<String> required(AlertContent content) {
		List<String> required = new ArrayList<>(List.of(TITLE, BODY));
		if (content.hasVerse()) {
			required.add(VERSE_TEXT);
			required.add(VERSE_REFERENCE);
		}
		if (!content.points().isEmpty()) {
			required.add(POINTS);
		}
		return required;
	}

	/** Whether translated fields (by name) make a complete translation of this alert. */
	public static boolean complete(AlertContent content, Set<String> translated) {
		return translated.containsAll(required(content));
	}

	/**
	 * The alert's translation into {@code language}, when complete; only the fields the
	 * alert has are kept.
	 */
	public static Optional<AlertText> translation(AlertContent content, String language, Map<String, String> fields) {
		if (!complete(content, nonBlank(fields))) {
			return Optional.empty();
		}
		Map<String, String> kept = new HashMap<>();
		required(content).forEach(f -> kept.put(f, fields.get(f)));
		return Optional.of(new AlertText(language, kept));
	}

	private static Set<String> nonBlank(Map<String, String> fields) {
		Set<String> names = new HashSet<>();
		fields.forEach((name, text) -> {
			if (text != null && !text.isBlank()) {
				names.add(name);
			}
		});
		return names;
	}

}
