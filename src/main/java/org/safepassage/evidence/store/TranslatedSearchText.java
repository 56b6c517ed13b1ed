package org.safepassage.evidence.store;

import java.util.Set;

import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.system.translations.TranslationSaved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps evidence's copy of the translated title and summary of each incident, which the
 * search reads (V3_5), in step with the translations: refreshed in the transaction that
 * saves or removes one, so a search never finds a removed translation nor misses a saved
 * one.
 */
@Component
class TranslatedSearchText {

	private static final Set<String> SEARCHED = Set.of("title", "summary");

	private final JdbcClient jdbc;

	TranslatedSearchText(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(TranslationSaved saved) {
		if (!IncidentContent.TRANSLATION_KIND.equals(saved.kind()) || !SEARCHED.contains(saved.field())) {
			return;
		}
		String language = saved.language().toLanguageTag();
		if (saved.removed()) {
			this.jdbc.sql(EvidenceQueries.CLEAR_TRANSLATION_TEXT)
				.param("id", saved.recordId())
				.param("language", language)
				.param("field", saved.field())
				.update();
			this.jdbc.sql(EvidenceQueries.DELETE_EMPTY_TRANSLATION_TEXT)
				.param("id", saved.recordId())
				.param("language", language)
				.update();
			return;
		}
		this.jdbc.sql(EvidenceQueries.SET_TRANSLATION_TEXT)
			.param("id", saved.recordId())
			.param("language", language)
			.param("field", saved.field())
			.param("text", saved.text())
			.update();
	}

}
