package org.safepassage.petitions;

import java.util.List;
import java.util.Locale;

/**
 * Implemented by a module that records evidence (incidents) linked to petitions, so the
 * petition page can show "The evidence" without the petitions module depending on it.
 */
public interface PetitionEvidence {

	/** Published evidence linked to this petition, newest first. */
	List<EvidenceItem> forPetition(long petitionId, Locale locale);

	/**
	 * One linked item: a title, its date as text, a figure such as "500–600 (2 sources)",
	 * and its page. {@code titleLang} and {@code summaryLang} are the languages of the
	 * title and summary when they are shown untranslated to a reader of another language,
	 * {@code null} otherwise.
	 */
	record EvidenceItem(String title, String date, String figure, String summary, String path, String titleLang,
			String summaryLang) {
	}

}
