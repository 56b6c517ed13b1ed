package org.safepassage.cases.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as it may be published: the only shape in which a case reaches a public page,
 * the JSON API, the CSV, the Atom feed, a mail or the search. Built by {@link #of} from
 * the fields {@link CaseField} declares public, each asked for by name, so nothing else
 * can slip in; its components are exactly those fields (checked by a test).
 */
public record PublicCase(String slug, String pseudonym, AgeBand ageBand, Gender gender, Situation situation,
		LocalDate situationSince, LocalDate lastHeardOn, String story, CaseContent.Links links, Instant publishedAt) {

	/**
	 * The allow-list mapper: the approved public part of {@code file}, as of {@code at}.
	 */
	public static PublicCase of(Case file, Instant at) {
		return new PublicCase((String) file.publicValue(CaseField.SLUG), (String) file.publicValue(CaseField.PSEUDONYM),
				(AgeBand) file.publicValue(CaseField.AGE_BAND), (Gender) file.publicValue(CaseField.GENDER),
				(Situation) file.publicValue(CaseField.SITUATION),
				(LocalDate) file.publicValue(CaseField.SITUATION_SINCE),
				(LocalDate) file.publicValue(CaseField.LAST_HEARD_ON), (String) file.publicValue(CaseField.STORY),
				(CaseContent.Links) file.publicValue(CaseField.LINKS), at);
	}

	public String path() {
		return "/cases/" + this.slug;
	}

}
