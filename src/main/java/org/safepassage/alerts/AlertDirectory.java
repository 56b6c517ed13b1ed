package org.safepassage.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The alerts module's query API for other modules: which alerts exist, by id, title and
 * date (letter campaigns link to them). A reader's page asks with the reader's language
 * and gets each title translated where staff translated it, or as written with its
 * {@code lang}.
 */
@Service
public class AlertDirectory {

	private final JdbcClient jdbc;

	private final ContentTranslations translations;

	AlertDirectory(JdbcClient jdbc, ContentTranslations translations) {
		this.jdbc = jdbc;
		this.translations = translations;
	}

	/**
	 * An alert as other modules may refer to it; {@code published} once sending began.
	 * {@code language} is the one it was written in; {@code lang} is the language of the
	 * title when a reader of another language gets it untranslated, {@code null}
	 * otherwise.
	 */
	public record AlertSummary(long id, String title, LocalDate date, String language, boolean published, String lang) {
	}

	public Optional<AlertSummary> find(long id) {
		return jdbc.sql(AlertQueries.DIRECTORY_ONE).param("id", id).query(AlertDirectory::map).optional();
	}

	/** Newest first. */
	public List<AlertSummary> all() {
		return jdbc.sql(AlertQueries.DIRECTORY_ALL).query(AlertDirectory::map).list();
	}

	/** An alert with its title in the reader's language where it is translated. */
	public Optional<AlertSummary> find(long id, Locale reader) {
		return find(id).map(a -> inLanguage(a, reader));
	}

	/** Newest first, titles in the reader's language where translated. */
	public List<AlertSummary> all(Locale reader) {
		return all().stream().map(a -> inLanguage(a, reader)).toList();
	}

	private AlertSummary inLanguage(AlertSummary alert, Locale reader) {
		ContentTranslations.Localized local = translations.localize(AlertContent.TRANSLATION_KIND, alert.id(), reader,
				alert.language());
		return new AlertSummary(alert.id(), local.text("title", alert.title()), alert.date(), alert.language(),
				alert.published(), local.lang("title"));
	}

	private static AlertSummary map(ResultSet rs, int row) throws SQLException {
		return new AlertSummary(rs.getLong("id"), rs.getString("title"), rs.getObject("alert_date", LocalDate.class),
				rs.getString("language"), rs.getBoolean("published"), null);
	}

}
