package org.safepassage.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.safepassage.cases.domain.AgeBand;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.cases.domain.Gender;
import org.safepassage.cases.domain.PublicCase;
import org.safepassage.cases.domain.Situation;
import org.safepassage.system.translations.ContentTranslations;

/**
 * A published case as the JSON API gives it: the fields of {@link PublicCase}, the story
 * in the reader's language where an approved translation exists ({@code storyLanguage}
 * says which language it is in, {@code storyLanguages} which ones exist), and links only
 * to pages that are public themselves.
 */
record CaseJson(String slug, String pseudonym, AgeBand ageBand, Gender gender, Situation situation,
		LocalDate situationSince, LocalDate lastHeardOn, String story, String storyLanguage,
		List<String> storyLanguages, CaseContent.Links links, Instant publishedAt) {

	static CaseJson of(PublicCase c, Locale reader, CaseReading reading, PublicLinks links) {
		ContentTranslations.Localized local = reading.localize(c, reader);
		String language = local.lang(CaseReading.STORY) == null && local.translatable() ? reader.toLanguageTag()
				: reading.originalLanguage();
		return new CaseJson(c.slug(), c.pseudonym(), c.ageBand(), c.gender(), c.situation(), c.situationSince(),
				c.lastHeardOn(), local.text(CaseReading.STORY, c.story()), language, reading.languagesOf(c),
				links.of(c.links()), c.publishedAt());
	}

}
