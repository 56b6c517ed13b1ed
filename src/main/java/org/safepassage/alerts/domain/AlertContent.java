package org.safepassage.alerts.domain;

import java.time.LocalDate;
import java.util.List;

/** What staff write. Verse text and reference are both given or both absent. */
public record AlertContent(AlertKind kind, String title, LocalDate date, String language, String verseText,
		String verseReference, String body, List<String> points, List<Long> petitionIds, List<Long> incidentIds) {

	/** The kind under which alerts' translations are kept (system.translations). */
	public static final String TRANSLATION_KIND = "alert";

	public AlertContent {
		points = List.copyOf(points);
		petitionIds = List.copyOf(petitionIds);
		incidentIds = List.copyOf(incidentIds);
	}

	public boolean hasVerse() {
		return verseText != null && !verseText.isBlank();
	}

}
