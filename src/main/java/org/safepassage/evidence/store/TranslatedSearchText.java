package org.safepassage.evidence.store;

import java.util.Map;
import java.util.Set;

import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.system.translations.TranslationSaved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps evidence's copy of the translated words the search reads, in step with the
 * translations: the title and summary of each incident (V3_5) and the title and quote of
 * each source's report (V3_6), refreshed in the transaction that saves or removes one, so
 * a search never finds a removed translation nor misses a saved one.
 */
@Component
class TranslatedSearchText {

	/**
	 * Per kind: the fields searched, and the statements that set, clear and drop them.
	 */
	private record Copy(Set<String> fields, String set, String clear, String deleteEmpty) {
	}

	private static final Map<String, Copy> COPIES = Map.of(IncidentContent.TRANSLATION_KIND,
			new Copy(Set.of("title", "summary"), EvidenceQueries.SET_TRANSLATION_TEXT,
					EvidenceQueries.CLEAR_TRANSLATION_TEXT, EvidenceQueries.DELETE_EMPTY_TRANSLATION_TEXT),
			ReportContent.TRANSLATION_KIND,
			new Copy(Set.of("title", "quote"), EvidenceQueries.SET_REPORT_TRANSLATION_TEXT,
					EvidenceQueries.CLEAR_REPORT_TRANSLATION_TEXT,
					EvidenceQueries.DELETE_EMPTY_REPORT_TRANSLATION_TEXT));

	private final JdbcClient jdbc;

	TranslatedSearchText(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(TranslationSaved saved) {
		Copy copy = COPIES.get(saved.kind());
		if (copy == null || !copy.fields().contains(saved.field())) {
			return;
		}
		String language = saved.language().toLanguageTag();
		if (saved.removed()) {
			this.jdbc.sql(copy.clear())
				.param("id", saved.recordId())
				.param("language", language)
				.param("field", saved.field())
				.update();
			this.jdbc.sql(copy.deleteEmpty()).param("id", saved.recordId()).param("language", language).update();
			return;
		}
		this.jdbc.sql(copy.set())
			.param("id", saved.recordId())
			.param("language", language)
			.param("field", saved.field())
			.param("text", saved.text())
			.update();
	}

}
