package org.safepassage.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.safepassage.evidence.store.EvidenceQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The evidence module's query API for other modules: which incidents exist, by id, title
 * and day.
 */
@Service
public class IncidentDirectory {

	private final JdbcClient jdbc;

	IncidentDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An incident as other modules may refer to it; {@code published} is false for
	 * drafts.
	 */
	public record IncidentSummary(long id, String title, LocalDate firstDay, boolean published) {
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

	private static IncidentSummary map(ResultSet rs, int row) throws SQLException {
		return new IncidentSummary(rs.getLong("id"), rs.getString("title"), rs.getObject("date_from", LocalDate.class),
				rs.getBoolean("published"));
	}

}
