package org.safepassage.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A case as it may be published: the only shape in which a case reaches a public page,
 * the JSON API, the CSV, the Atom feed, a mail or the search. Built by {@link #of} from
 * the fields {@link CaseField} declares public, each asked for by name, so nothing else
 * can slip in; its components are exactly those fields (checked by a test). The story's
 * translations are the approved ones (language tag to text); a copy approved before
 * stories were translated reads as having none.
 */
public record PublicCase(String slug, String pseudonym, AgeBand ageBand, Gender gender, Situation situation,
		LocalDate situationSince, LocalDate lastHeardOn, String story, Map<String, String> storyTranslations,
		CaseContent.Links links, Instant publishedAt) {

	public PublicCase {
		storyTranslations = CaseContent.translations(storyTranslations);
	}

	/**
	 * The allow-list mapper: the approved public part of {@code file}, as of {@code at}.
	 */
	public static PublicCase of(Case file, Instant at) {
		return new PublicCase((String) file.publicValue(CaseField.SLUG), (String) file.publicValue(CaseField.PSEUDONYM),
				(AgeBand) file.publicValue(CaseField.AGE_BAND), (Gender) file.publicValue(CaseField.GENDER),
				(Situation) file.publicValue(CaseField.SITUATION),
				(LocalDate) file.publicValue(CaseField.SITUATION_SINCE),
				(LocalDate) file.publicValue(CaseField.LAST_HEARD_ON), (String) file.publicValue(CaseField.STORY),
				translations(file.publicValue(CaseField.STORY_TRANSLATIONS)),
				(CaseContent.Links) file.publicValue(CaseField.LINKS), at);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> translations(Object value) {
		return (Map<String, String>) value;
	}

	/** The story in a language: its approved translation, or the original. */
	public String story(String language) {
		return this.storyTranslations.getOrDefault(language, this.story);
	}

	public String path() {
		return "/cases/" + this.slug;
	}

}
