package org.safepassage.petitions.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.safepassage.petitions.PetitionState;
import org.safepassage.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PetitionRepository {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PetitionRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Within the module only: drop cached copies of this petition. */
	public record PetitionChanged(long petitionId) {
	}

	/**
	 * For read-only use on hot paths (the petition page, signing): a copy at most a
	 * second old, refreshed with a bounded wait, so readers never hang on a slow or
	 * unreachable database once a petition has been read.
	 */
	public Optional<Petition> findRecent(long id) {
		return Optional.ofNullable(recent.get(id));
	}

	/** Unknown ids are not kept: a flood of made-up ids leaves nothing behind. */
	private final RecentCopies<Long, Petition> recent = new RecentCopies<>(Duration.ofSeconds(1), 1_000,
			id -> find(id).orElse(null));

	/** How many petitions are held in memory by {@link #findRecent}. */
	public long copiesHeld() {
		return recent.size();
	}

	public Optional<Petition> find(long id) {
		return jdbc.sql(PetitionQueries.FIND_PETITION).param("id", id).query(PetitionRepository::map).optional();
	}

	public boolean isEmpty() {
		return !jdbc.sql(PetitionQueries.ANY_PETITION).query(Boolean.class).single();
	}

	/**
	 * Inserts a new petition or saves a changed one, then publishes what happened to it.
	 */
	public long save(Petition petition) {
		PetitionContent c = petition.content();
		long id;
		if (petition.id() == null) {
			id = jdbc.sql(PetitionQueries.INSERT_PETITION)
				.param("title", c.title())
				.param("background", c.background())
				.param("demands", c.demands().toArray(String[]::new))
				.param("target", c.target())
				.param("goal", c.signatureGoal())
				.param("closingAt", timestamp(c.closingAt()))
				.param("state", petition.state().name())
				.param("createdBy", petition.createdBy())
				.param("createdAt", timestamp(petition.createdAt()))
				.query(Long.class)
				.single();
		}
		else {
			id = petition.id();
			int updated = jdbc.sql(PetitionQueries.UPDATE_PETITION)
				.param("id", id)
				.param("version", petition.version())
				.param("title", c.title())
				.param("background", c.background())
				.param("demands", c.demands().toArray(String[]::new))
				.param("target", c.target())
				.param("goal", c.signatureGoal())
				.param("closingAt", timestamp(c.closingAt()))
				.param("state", petition.state().name())
				.param("rejectionReason", petition.rejectionReason())
				.param("hiddenReason", petition.hiddenReason())
				.param("deliveryNote", petition.deliveryNote())
				.param("submittedAt", timestamp(petition.submittedAt()))
				.param("openedAt", timestamp(petition.openedAt()))
				.param("closedAt", timestamp(petition.closedAt()))
				.param("deliveredAt", timestamp(petition.deliveredAt()))
				.param("pausedAt", timestamp(petition.pausedAt()))
				.param("hiddenAt", timestamp(petition.hiddenAt()))
				.update();
			if (updated == 0) {
				throw new RuleViolation("petition.rule.changedMeanwhile", "Petition " + id + " changed meanwhile");
			}
		}
		recent.forget(id);
		events.publishEvent(new PetitionChanged(id));
		petition.releaseEvents().forEach(events::publishEvent);
		return id;
	}

	List<Long> dueToClose(Instant now) {
		return jdbc.sql(PetitionQueries.DUE_TO_CLOSE).param("now", PetitionQueries.at(now)).query(Long.class).list();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static Petition map(ResultSet rs, int row) throws SQLException {
		Integer goal = rs.getObject("signature_goal", Integer.class);
		List<String> demands = Arrays.asList((String[]) rs.getArray("demands").getArray());
		PetitionContent content = new PetitionContent(rs.getString("title"), rs.getString("background"), demands,
				rs.getString("target"), goal, instant(rs, "closing_at"));
		return new Petition(rs.getLong("id"), content, PetitionState.valueOf(rs.getString("state")),
				rs.getString("rejection_reason"), rs.getString("hidden_reason"), rs.getString("delivery_note"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "submitted_at"),
				instant(rs, "opened_at"), instant(rs, "closed_at"), instant(rs, "delivered_at"),
				instant(rs, "paused_at"), instant(rs, "hidden_at"), rs.getInt("version"));
	}

}
