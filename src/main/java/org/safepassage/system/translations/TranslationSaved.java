package org.safepassage.system.translations;

import java.util.Locale;

/**
 * A field's translation was saved or removed, published inside the transaction that wrote
 * it: a module that keeps something derived from its translations (evidence's search
 * text) refreshes it in the same transaction, so it is never ahead of or behind the
 * translation.
 *
 * @param kind the kind of record, e.g. {@code incident}
 * @param recordId the record
 * @param field the field, e.g. {@code title}
 * @param language the language of the translation
 * @param text the text now saved; empty when the translation was removed
 */
public record TranslationSaved(String kind, long recordId, String field, Locale language, String text) {

	/** Whether the translation was removed (the original shows again). */
	public boolean removed() {
		return text.isEmpty();
	}

}
