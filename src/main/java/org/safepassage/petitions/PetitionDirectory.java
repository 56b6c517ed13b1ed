package org.safepassage.petitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The petitions module's query API for other modules: which petitions exist, by id and
 * title. A reader's page asks with the reader's language and gets each title translated
 * where staff translated it, or the original with its {@code lang}.
 */
@Service
public class PetitionDirectory {

	private final JdbcClient jdbc;

	private final ContentTranslations translations;

	PetitionDirectory(JdbcClient jdbc, ContentTranslations translations) {
		this.jdbc = jdbc;
		this.translations = translations;
	}

	/**
	 * A petition as other modules may refer to it. {@code publicState} is false for
	 * drafts and hidden ones. {@code lang} is the language of the title when a reader of
	 * another language gets it untranslated, {@code null} otherwise.
	 */
	public record PetitionSummary(long id, String title, String state, boolean publicState, String lang) {
	}

	public Optional<PetitionSummary> find(long id) {
		return jdbc.sql(PetitionQueries.DIRECTORY_ONE).param("id", id).query(PetitionDirectory::map).optional();
	}

	public List<PetitionSummary> all() {
		return jdbc.sql(PetitionQueries.DIRECTORY_ALL).query(PetitionDirectory::map).list();
	}

	/** A petition with its title in the reader's language where it is translated. */
	public Optional<PetitionSummary> find(long id, Locale reader) {
		return find(id).map(p -> inLanguage(p, reader));
	}

	/** Every petition, titles in the reader's language where translated. */
	public List<PetitionSummary> all(Locale reader) {
		return all().stream().map(p -> inLanguage(p, reader)).toList();
	}

	private PetitionSummary inLanguage(PetitionSummary petition, Locale reader) {
		ContentTranslations.Localized local = translations.localize(PetitionContent.TRANSLATION_KIND, petition.id(),
				reader);
		return new PetitionSummary(petition.id(), local.text("title", petition.title()), petition.state(),
				petition.publicState(), local.lang("title"));
	}

	/**
	 * The petition the demo campaign opened on a first start (its creator is
	 * {@code demo}), for other modules' demo data to link to; empty when the demo was not
	 * loaded.
	 */
	public Optional<PetitionSummary> demoCampaign() {
		return jdbc.sql(PetitionQueries.DIRECTORY_DEMO).query(PetitionDirectory::map).optional();
	}

	private static PetitionSummary map(ResultSet rs, int row) throws SQLException {
		PetitionState state = PetitionState.valueOf(rs.getString("state"));
		return new PetitionSummary(rs.getLong("id"), rs.getString("title"), state.name(), state.isPublic(), null);
	}

}
