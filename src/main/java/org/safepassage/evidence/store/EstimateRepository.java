package org.safepassage.evidence.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.IncidentState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EstimateRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	EstimateRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long insert(EstimateContent content, IncidentState state, String createdBy) {
		return content(jdbc.sql(EvidenceQueries.INSERT_ESTIMATE), content).param("state", state.name())
			.param("createdBy", createdBy)
			.param("now", EvidenceQueries.at(clock.instant()))
			.query(Long.class)
			.single();
	}

	boolean update(long id, EstimateContent content, IncidentState state) {
		return content(jdbc.sql(EvidenceQueries.UPDATE_ESTIMATE), content).param("id", id)
			.param("state", state.name())
			.update() == 1;
	}

	public Optional<Estimate> find(long id) {
		return jdbc.sql(EvidenceQueries.FIND_ESTIMATE).param("id", id).query(EstimateRepository::map).optional();
	}

	/** All estimates, or only those in one state. */
	public List<Estimate> all(IncidentState state) {
		return jdbc.sql(EvidenceQueries.ESTIMATES)
			.param("state", state == null ? null : state.name())
			.query(EstimateRepository::map)
			.list();
	}

	public List<Estimate> publishedForPetition(long petitionId) {
		return jdbc.sql(EvidenceQueries.PUBLISHED_ESTIMATES_FOR_PETITION)
			.param("petitionId", petitionId)
			.query(EstimateRepository::map)
			.list();
	}

	public List<Long> petitions(long id) {
		return jdbc.sql(EvidenceQueries.ESTIMATE_PETITIONS).param("id", id).query(Long.class).list();
	}

	void link(long id, List<Long> petitionIds) {
		jdbc.sql(EvidenceQueries.UNLINK_ESTIMATE).param("id", id).update();
		for (Long petitionId : petitionIds) {
			jdbc.sql(EvidenceQueries.LINK_ESTIMATE).param("id", id).param("petitionId", petitionId).update();
		}
	}

	private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec spec, EstimateContent c) {
		return spec.param("statement", c.statement())
			.param("measure", c.measure().name())
			.param("rate", c.rate().name())
			.param("periodPrecision", c.period().precision().name())
			.param("periodFrom", c.period().from())
			.param("periodTo", c.period().to())
			.param("figureText", c.figure().text())
			.param("low", c.figure().low())
			.param("high", c.figure().high())
			.param("coding", c.figure().coding().name())
			.param("organisation", c.organisation())
			.param("sourceTitle", c.sourceTitle())
			.param("url", c.url())
			.param("publishedOn", c.publishedOn())
			.param("quote", c.quote())
			.param("note", c.note());
	}

	static Estimate map(ResultSet rs, int row) throws SQLException {
		FuzzyDate period = new FuzzyDate(DatePrecision.valueOf(rs.getString("period_precision")),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class));
		return new Estimate(rs.getLong("id"),
				new EstimateContent(rs.getString("statement"), Estimate.Measure.valueOf(rs.getString("measure")),
						Estimate.Rate.valueOf(rs.getString("rate")), period, ReportRepository.figure(rs),
						rs.getString("organisation"), rs.getString("source_title"), rs.getString("url"),
						rs.getObject("published_on", LocalDate.class), rs.getString("quote"), rs.getString("note")),
				IncidentState.valueOf(rs.getString("state")));
	}

}
