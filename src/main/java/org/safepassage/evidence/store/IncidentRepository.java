package org.safepassage.evidence.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.Incident;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.PlacePrecision;
import org.safepassage.evidence.domain.Reconciliation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IncidentRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	IncidentRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Filters of the incident lists; null means any. */
	public record Criteria(IncidentState state, IncidentKind kind, Integer year, String place, String organisation,
			String q) {

		static Criteria published() {
			return new Criteria(IncidentState.PUBLISHED, null, null, null, null, null);
		}
	}

	record Found(List<Incident> incidents, long total) {
	}

	long insert(IncidentContent content, IncidentState state, String createdBy) {
		return content(jdbc.sql(EvidenceQueries.INSERT_INCIDENT), content).param("state", state.name())
			.param("createdBy", createdBy)
			.param("now", now())
			.query(Long.class)
			.single();
	}

	boolean update(long id, IncidentContent content) {
		return content(jdbc.sql(EvidenceQueries.UPDATE_INCIDENT), content).param("id", id)
			.param("now", now())
			.update() == 1;
	}

	boolean setState(long id, IncidentState state) {
		return jdbc.sql(EvidenceQueries.SET_INCIDENT_STATE)
			.param("id", id)
			.param("state", state.name())
			.param("now", now())
			.update() == 1;
	}

	boolean setOverride(long id, Reconciliation.Override override) {
		return jdbc.sql(EvidenceQueries.SET_OVERRIDE)
			.param("id", id)
			.param("low", override == null ? null : override.low())
			.param("best", override == null ? null : override.best())
			.param("high", override == null ? null : override.high())
			.param("note", override == null ? null : override.note())
			.param("now", now())
			.update() == 1;
	}

	boolean deleteDraft(long id) {
		return jdbc.sql(EvidenceQueries.DELETE_DRAFT_INCIDENT).param("id", id).update() == 1;
	}

	Optional<Incident> find(long id) {
		return jdbc.sql(EvidenceQueries.FIND_INCIDENT).param("id", id).query(IncidentRepository::map).optional();
	}

	public boolean isEmpty() {
		return !jdbc.sql(EvidenceQueries.ANY_INCIDENT).query(Boolean.class).single();
	}

	Found find(Criteria criteria, int limit, int offset) {
		long[] total = { 0 };
		List<Incident> incidents = jdbc
			.sql(criteria.q() == null ? EvidenceQueries.LIST_INCIDENTS : EvidenceQueries.SEARCH_INCIDENTS)
			.param("state", criteria.state() == null ? null : criteria.state().name())
			.param("kind", criteria.kind() == null ? null : criteria.kind().name())
			.param("year", criteria.year())
			.param("place", likePattern(criteria.place()))
			.param("organisation", likePattern(criteria.organisation()))
			.param("q", criteria.q())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				return map(rs, row);
			})
			.list();
		return new Found(incidents, total[0]);
	}

	List<Incident> publishedOfKind(IncidentKind kind) {
		return jdbc.sql(EvidenceQueries.INCIDENTS_FOR_TIMELINE)
			.param("kind", kind.name())
			.query(IncidentRepository::map)
			.list();
	}

	List<Incident> publishedForPetition(long petitionId) {
		return jdbc.sql(EvidenceQueries.PUBLISHED_FOR_PETITION)
			.param("petitionId", petitionId)
			.query(IncidentRepository::map)
			.list();
	}

	List<String> organisations(IncidentState state) {
		return jdbc.sql(EvidenceQueries.ORGANISATIONS)
			.param("state", state == null ? null : state.name())
			.query(String.class)
			.list();
	}

	long unreadableReports() {
		return jdbc.sql(EvidenceQueries.UNREADABLE_REPORTS).query(Long.class).single();
	}

	List<Long> petitions(long id) {
		return jdbc.sql(EvidenceQueries.INCIDENT_PETITIONS).param("id", id).query(Long.class).list();
	}

	void link(long id, List<Long> petitionIds) {
		jdbc.sql(EvidenceQueries.UNLINK_INCIDENT).param("id", id).update();
		for (Long petitionId : petitionIds) {
			jdbc.sql(EvidenceQueries.LINK_INCIDENT).param("id", id).param("petitionId", petitionId).update();
		}
	}

	private OffsetDateTime now() {
		return EvidenceQueries.at(clock.instant());
	}

	/**
	 * Typed text is matched literally: % and _ are not wildcards for the person
	 * searching.
	 */
	private static String likePattern(String text) {
		return text == null ? null : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec spec, IncidentContent c) {
		return spec.param("kind", c.kind().name())
			.param("title", c.title())
			.param("datePrecision", c.date().precision().name())
			.param("dateFrom", c.date().from())
			.param("dateTo", c.date().to())
			.param("place", c.place())
			.param("placePrecision", c.placePrecision().name())
			.param("departure", c.departureCountry())
			.param("returnCountry", c.returnCountry())
			.param("summary", c.summary())
			.param("tags", c.tags().toArray(String[]::new));
	}

	static Incident map(ResultSet rs, int row) throws SQLException {
		FuzzyDate date = new FuzzyDate(DatePrecision.valueOf(rs.getString("date_precision")),
				rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class));
		Array tags = rs.getArray("tags");
		IncidentContent content = new IncidentContent(IncidentKind.valueOf(rs.getString("kind")), rs.getString("title"),
				date, rs.getString("place"), PlacePrecision.valueOf(rs.getString("place_precision")),
				rs.getString("departure_country"), rs.getString("return_country"), rs.getString("summary"),
				tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()));
		Long low = rs.getObject("override_low", Long.class);
		Reconciliation.Override override = low == null ? null : new Reconciliation.Override(low,
				rs.getLong("override_best"), rs.getLong("override_high"), rs.getString("override_note"));
		return new Incident(rs.getLong("id"), content, IncidentState.valueOf(rs.getString("state")), override);
	}

}
