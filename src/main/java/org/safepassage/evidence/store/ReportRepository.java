package org.safepassage.evidence.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.safepassage.evidence.domain.Reliability;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.evidence.domain.SourceReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReportRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	ReportRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when this source already has
	 * a report here
	 */
	long insert(long incidentId, ReportContent content, String createdBy) {
		return content(jdbc.sql(EvidenceQueries.INSERT_REPORT), content).param("incidentId", incidentId)
			.param("createdBy", createdBy)
			.param("now", EvidenceQueries.at(clock.instant()))
			.query(Long.class)
			.single();
	}

	boolean update(long id, ReportContent content) {
		return content(jdbc.sql(EvidenceQueries.UPDATE_REPORT), content).param("id", id).update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql(EvidenceQueries.DELETE_REPORT).param("id", id).update() == 1;
	}

	public Optional<SourceReport> find(long id) {
		return jdbc.sql(EvidenceQueries.FIND_REPORT).param("id", id).query(ReportRepository::map).optional();
	}

	List<SourceReport> of(long incidentId) {
		return of(List.of(incidentId)).getOrDefault(incidentId, List.of());
	}

	/** Reports grouped by incident, in one query for a whole page of incidents. */
	Map<Long, List<SourceReport>> of(Collection<Long> incidentIds) {
		if (incidentIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(EvidenceQueries.REPORTS_OF)
			.param("ids", incidentIds.toArray(Long[]::new))
			.query(ReportRepository::map)
			.list()
			.stream()
			.collect(Collectors.groupingBy(SourceReport::incidentId, LinkedHashMap::new, Collectors.toList()));
	}

	private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec spec, ReportContent c) {
		return spec.param("organisation", c.organisation())
			.param("title", c.title())
			.param("url", c.url())
			.param("publishedOn", c.publishedOn())
			.param("figureText", c.figure().text())
			.param("low", c.figure().low())
			.param("high", c.figure().high())
			.param("coding", c.figure().coding().name())
			.param("quote", c.quote())
			.param("reliability", c.reliability().name())
			.param("note", c.note());
	}

	static ReportedFigure figure(ResultSet rs) throws SQLException {
		return new ReportedFigure(rs.getString("figure_text"), rs.getObject("figure_low", Long.class),
				rs.getObject("figure_high", Long.class), ReportedFigure.Coding.valueOf(rs.getString("figure_coding")));
	}

	static SourceReport map(ResultSet rs, int row) throws SQLException {
		return new SourceReport(rs.getLong("id"), rs.getLong("incident_id"),
				new ReportContent(rs.getString("organisation"), rs.getString("title"), rs.getString("url"),
						rs.getObject("published_on", LocalDate.class), figure(rs), rs.getString("quote"),
						Reliability.valueOf(rs.getString("reliability")), rs.getString("note")));
	}

}
