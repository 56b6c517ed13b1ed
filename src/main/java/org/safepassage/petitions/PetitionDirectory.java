package org.safepassage.petitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.safepassage.petitions.domain.PetitionQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The petitions module's query API for other modules: which petitions exist, by id and
 * title.
 */
@Service
public class PetitionDirectory {

	private final JdbcClient jdbc;

	PetitionDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A petition as other modules may refer to it. {@code publicState} is false for
	 * drafts and hidden ones.
	 */
	public record PetitionSummary(long id, String title, String state, boolean publicState) {
	}

	public Optional<PetitionSummary> find(long id) {
		return jdbc.sql(PetitionQueries.DIRECTORY_ONE).param("id", id).query(PetitionDirectory::map).optional();
	}

	public List<PetitionSummary> all() {
		return jdbc.sql(PetitionQueries.DIRECTORY_ALL).query(PetitionDirectory::map).list();
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
		return new PetitionSummary(rs.getLong("id"), rs.getString("title"), state.name(), state.isPublic());
	}

}
