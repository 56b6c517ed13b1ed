package org.safepassage.cases.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public part of a case as staff write it; public only once approved. It holds no
 * protected value by construction: those live in {@link ProtectedPart}, sealed.
 * {@code storyTranslations} holds the story in other languages (language tag to text,
 * blank ones left out): part of the public part, so a translation is published, and
 * changed, only with a second person's approval, exactly like the story.
 */
public record CaseContent(String pseudonym, AgeBand ageBand, Gender gender, Situation situation,
		LocalDate situationSince, LocalDate lastHeardOn, String story, Map<String, String> storyTranslations,
		Links links) {

	public CaseContent {
		storyTranslations = translations(storyTranslations);
	}

	/** A public part with no translation of its story. */
	public CaseContent(String pseudonym, AgeBand ageBand, Gender gender, Situation situation, LocalDate situationSince,
			LocalDate lastHeardOn, String story, Links links) {
		this(pseudonym, ageBand, gender, situation, situationSince, lastHeardOn, story, Map.of(), links);
	}

	/**
	 * Translations as stored and compared: stripped, blank ones dropped, in the order of
	 * their language tags, unmodifiable.
	 */
	static Map<String, String> translations(Map<String, String> translations) {
		Map<String, String> kept = new TreeMap<>();
		if (translations != null) {
			translations.forEach((language, text) -> {
				if (language != null && text != null && !text.isBlank()) {
					kept.put(language, text.strip());
				}
			});
		}
		return Collections.unmodifiableMap(kept);
	}

	/** The pages that speak for the person, by id. */
	public record Links(List<Long> incidentIds, List<Long> petitionIds, List<Long> alertIds,
			List<Long> letterCampaignIds) {

		public Links {
			incidentIds = List.copyOf(incidentIds);
			petitionIds = List.copyOf(petitionIds);
			alertIds = List.copyOf(alertIds);
			letterCampaignIds = List.copyOf(letterCampaignIds);
		}

		public static Links none() {
			return new Links(List.of(), List.of(), List.of(), List.of());
		}

	}

}
