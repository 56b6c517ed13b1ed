package org.safepassage.system.translations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a page is told about each field: its text, its lang, and whether to show the note.
 */
class LocalizedTest {

	@Test
	void aReaderOfAnotherLanguageGetsTranslationsAndTheOriginalMarked() {
		ContentTranslations.Localized korean = new ContentTranslations.Localized(Map.of("title", "제목"), true, "en");
		assertThat(korean.text("title", "Title")).isEqualTo("제목");
		assertThat(korean.lang("title")).isNull();
		assertThat(korean.text("body", "Body")).isEqualTo("Body");
		assertThat(korean.lang("body")).isEqualTo("en");
		assertThat(korean.untranslated("title")).isFalse();
		assertThat(korean.untranslated("title", "body")).isTrue();
	}

	@Test
	void aReaderOfTheOriginalLanguageSeesNoNoteAndNoMarks() {
		ContentTranslations.Localized english = new ContentTranslations.Localized(Map.of(), false, "en");
		assertThat(english.text("title", "Title")).isEqualTo("Title");
		assertThat(english.lang("title")).isNull();
		assertThat(english.untranslated("title", "body")).isFalse();
	}

}
