package org.safepassage.system.translations;

/** The SQL of content translations. */
final class TranslationQueries {

	static final String OF_RECORD = """
			select field, language, text from content_translation
			where kind = :kind and record_id = :id
			""";

	static final String FIELDS_OF_KIND = """
			select record_id, field from content_translation where kind = :kind and language = :language
			""";

	static final String UPSERT = """
			insert into content_translation (kind, record_id, field, language, text, updated_by, updated_at)
			values (:kind, :id, :field, :language, :text, :actor, :at)
			on conflict (kind, record_id, field, language)
			do update set text = excluded.text, updated_by = excluded.updated_by, updated_at = excluded.updated_at
			where content_translation.text is distinct from excluded.text
			""";

	static final String DELETE = """
			delete from content_translation
			where kind = :kind and record_id = :id and field = :field and language = :language
			""";

	static final String DELETE_RECORD = """
			delete from content_translation where kind = :kind and record_id = :id
			""";

	private TranslationQueries() {
	}

}
