package org.safepassage.letters.web;

import java.util.List;

import org.safepassage.letters.record.RecordEntry;
import org.safepassage.letters.sending.LetterCounts.BodyCount;
import org.safepassage.system.translations.ContentTranslations;

/** A letter campaign as its pages and its JSON show it. */
record CampaignView(long id, String title, String state, String subject, String suggestedLetter, List<String> guidance,
		List<Named> bodies, List<Linked> petitions, List<Linked> alerts, List<Linked> incidents, List<BodyCount> counts,
		List<RecordEntry> record, ContentTranslations.Localized local) {

	/** Whether the title or guidance is still in the original language. */
	public boolean untranslated() {
		return guidance.isEmpty() ? local.untranslated("title") : local.untranslated("title", "guidance");
	}

	record Named(String code, String name) {
	}

	/**
	 * Something the campaign links to, with the path of its public page; {@code lang} is
	 * the title's language when it is shown untranslated.
	 */
	record Linked(long id, String title, String path, String lang) {
	}

	public boolean acceptsLetters() {
		return "OPEN".equals(state);
	}

	/**
	 * The {@code lang} of the parliamentary record's entries (bodies, members,
	 * summaries), which staff write in the original language and nobody translates: the
	 * original's for a reader of another language, {@code null} (the page's own)
	 * otherwise.
	 */
	public String recordLang() {
		return local.translatable() ? local.originalLanguage() : null;
	}

}
