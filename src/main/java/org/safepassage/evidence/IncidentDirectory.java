package org.safepassage.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.store.EvidenceQueries;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The evidence module's query API for other modules: which incidents exist, by id, title
 * and day. A reader's page asks with the reader's language and gets each title translated
 * where researchers translated it, or the original with its {@code lang}.
 */
@Service
public class IncidentDirectory {

	private final JdbcClient jdbc;

	private final ContentTranslations translations;

	IncidentDirectory(JdbcClient jdbc, ContentTranslations translations) {
		this.jdbc = jdbc;
		this.translations = translations;
	}

	/**
	 * An incident as other modules may refer to it; {@code published} is false for
	 * drafts. {@code lang} is the language of the title when a reader of another language
	 * gets it untranslated, {@code null} otherwise.
	 */
	public record IncidentSummary(long id, String title, LocalDate firstDay, boolean published, String lang) {
	}

	public Optional<IncidentSummary> find(long id) {
		return jdbc.sql(EvidenceQueries.INCIDENT_DIRECTORY_ONE)
			.param("id", id)
			.query(IncidentDirectory::map)
			.optional();
	}

	/** Newest first. */
	public List<IncidentSummary> all() {
		return jdbc.sql(EvidenceQueries.INCIDENT_DIRECTORY_ALL).query(IncidentDirectory::map).list();
	}

	/** An incident with its title in the reader's language where it is translated. */
	public Optional<IncidentSummary> find(long id, Locale reader) {
		return find(id).map(i -> inLanguage(i, reader));
	}

	/** Newest first, titles in the reader's language where translated. */
	public List<IncidentSummary> all(Locale reader) {
		return all().stream().map(i -> inLanguage(i, reader)).toList();
	}

	private IncidentSummary inLanguage(IncidentSummary incident, Locale reader) {
		ContentTranslations.Localized local = translations.localize(IncidentContent.TRANSLATION_KIND, incident.id(),
				reader);
		return new IncidentSummary(incident.id(), local.text("title", incident.title()), incident.firstDay(),
				incident.published(), local.lang("title"));
	}

	private static IncidentSummary map(ResultSet rs, int row) throws SQLException {
		return new IncidentSummary(rs.getLong("id"), rs.getString("title"), rs.getObject("date_from", LocalDate.class),
				rs.getBoolean("published"), null);
	}

}
