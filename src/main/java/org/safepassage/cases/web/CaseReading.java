package org.safepassage.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safepassage.cases.domain.PublicCase;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.stereotype.Component;

/**
 * A published case in a reader's language: its story as approved in that language, or the
 * original with what the page needs to say so (the note and the original's {@code lang}).
 * Only approved translations exist here: they travel inside the approved copy
 * ({@link PublicCase#storyTranslations()}), never through the generic translations page,
 * whose saves are public at once.
 */
@Component
class CaseReading {

	static final String STORY = "story";

	private final ContentTranslations translations;

	CaseReading(ContentTranslations translations) {
		this.translations = translations;
	}

	/** The languages a story may be translated into, as tags, in the offered order. */
	List<String> translationLanguages() {
		return this.translations.languages().stream().map(Locale::toLanguageTag).toList();
	}

	String originalLanguage() {
		return this.translations.originalLanguage().toLanguageTag();
	}

	/** The case's story for a reader of {@code locale}. */
	ContentTranslations.Localized localize(PublicCase published, Locale locale) {
		boolean translatable = locale != null && this.translations.languages().contains(locale);
		String text = translatable ? published.storyTranslations().get(locale.toLanguageTag()) : null;
		return new ContentTranslations.Localized(text == null ? Map.of() : Map.of(STORY, text), translatable,
				originalLanguage());
	}

	/**
	 * The language a JSON reader asked for by {@code ?language=} when it is one offered
	 * (compared as text: an unknown tag creates nothing), else the reader's own.
	 */
	Locale language(String requested, Locale reader) {
		if (requested != null && requested.length() <= 20) {
			if (requested.equalsIgnoreCase(originalLanguage())) {
				return this.translations.originalLanguage();
			}
			for (Locale offered : this.translations.languages()) {
				if (offered.toLanguageTag().equalsIgnoreCase(requested)) {
					return offered;
				}
			}
		}
		return reader;
	}

	/** The original's language first, then those with an approved translation. */
	List<String> languagesOf(PublicCase published) {
		List<String> languages = new ArrayList<>();
		languages.add(originalLanguage());
		translationLanguages().stream().filter(published.storyTranslations()::containsKey).forEach(languages::add);
		return languages;
	}

}
