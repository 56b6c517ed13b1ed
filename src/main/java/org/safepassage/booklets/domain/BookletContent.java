package org.safepassage.booklets.domain;

import java.util.List;

/**
 * What staff write about a booklet: what it is, the languages it is printed in, the
 * countries it is posted to and how many copies one order may ask for.
 */
public record BookletContent(String title, String description, List<String> languages, List<String> countries,
		int perOrderLimit) {

	/** The kind of record staff translate ({@code system.translations}). */
	public static final String TRANSLATION_KIND = "booklet";

	public BookletContent {
		languages = List.copyOf(languages);
		countries = List.copyOf(countries);
	}

}
