package org.safepassage.evidence.domain;

import java.util.Arrays;
import java.util.List;

/**
 * What a researcher writes about an incident; its sources are separate
 * {@link SourceReport}s.
 */
public record IncidentContent(IncidentKind kind, String title, FuzzyDate date, String place,
		PlacePrecision placePrecision, String departureCountry, String returnCountry, String summary,
		List<String> tags) {

	/** The kind under which incidents' translations are kept (system.translations). */
	public static final String TRANSLATION_KIND = "incident";

	public static final int MAX_TAGS = 10;

	public static final int MAX_TAG_LENGTH = 40;

	/** Tags as people type them: separated by commas or semicolons, each once. */
	public static List<String> readTags(String typed) {
		return typed == null || typed.isBlank() ? List.of()
				: Arrays.stream(typed.split("[,;]")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
	}

	/**
	 * At most {@value #MAX_TAGS} tags of at most {@value #MAX_TAG_LENGTH} characters.
	 */
	public static boolean tagsFit(List<String> tags) {
		return tags.size() <= MAX_TAGS && tags.stream().allMatch(t -> t.length() <= MAX_TAG_LENGTH);
	}

}
