package org.safepassage.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.safepassage.alerts.domain.AlertQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The alerts module's query API for other modules: which alerts exist, by id, title and
 * date (letter campaigns link to them).
 */
@Service
public class AlertDirectory {

	private final JdbcClient jdbc;

	AlertDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An alert as other modules may refer to it; {@code published} once sending began.
	 */
	public record AlertSummary(long id, String title, LocalDate date, String language, boolean published) {
	}

	public Optional<AlertSummary> find(long id) {
		return jdbc.sql(AlertQueries.DIRECTORY_ONE).param("id", id).query(AlertDirectory::map).optional();
	}

	/** Newest first. */
	public List<AlertSummary> all() {
		return jdbc.sql(AlertQueries.DIRECTORY_ALL).query(AlertDirectory::map).list();
	}

	private static AlertSummary map(ResultSet rs, int row) throws SQLException {
		return new AlertSummary(rs.getLong("id"), rs.getString("title"), rs.getObject("alert_date", LocalDate.class),
				rs.getString("language"), rs.getBoolean("published"));
	}

}
