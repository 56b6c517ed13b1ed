package org.safepassage.letters.campaign;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.safepassage.letters.store.LettersQueries;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and stores letter campaigns. */
@Repository
public class CampaignRepository {

	private final JdbcClient jdbc;

	CampaignRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<LetterCampaign> find(long id) {
		return jdbc.sql(LettersQueries.CAMPAIGN).param("id", id).query(CampaignRepository::map).optional();
	}

	public List<LetterCampaign> all() {
		return jdbc.sql(LettersQueries.CAMPAIGNS_ALL).query(CampaignRepository::map).list();
	}

	public List<LetterCampaign> inStates(CampaignState... states) {
		return jdbc.sql(LettersQueries.CAMPAIGNS_IN_STATES)
			.param("states", Arrays.stream(states).map(Enum::name).toArray(String[]::new))
			.query(CampaignRepository::map)
			.list();
	}

	/** Public (open or closed) campaigns linked to a petition. */
	public List<LetterCampaign> forPetition(long petitionId) {
		return jdbc.sql(LettersQueries.CAMPAIGNS_FOR_PETITION)
			.param("id", petitionId)
			.query(CampaignRepository::map)
			.list();
	}

	/** Public (open or closed) campaigns linked to an alert. */
	public List<LetterCampaign> forAlert(long alertId) {
		return jdbc.sql(LettersQueries.CAMPAIGNS_FOR_ALERT).param("id", alertId).query(CampaignRepository::map).list();
	}

	public boolean isEmpty() {
		return jdbc.sql(LettersQueries.CAMPAIGN_COUNT).query(Long.class).single() == 0;
	}

	public long insert(LetterCampaign campaign) {
		return content(jdbc.sql(LettersQueries.INSERT_CAMPAIGN), campaign).param("createdBy", campaign.createdBy())
			.param("createdAt", at(campaign.createdAt()))
			.query(Long.class)
			.single();
	}

	public void update(LetterCampaign campaign) {
		int updated = content(jdbc.sql(LettersQueries.UPDATE_CAMPAIGN), campaign).param("id", campaign.id())
			.param("version", campaign.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Letter campaign " + campaign.id() + " changed meanwhile");
		}
	}

	private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec sql, LetterCampaign campaign) {
		CampaignContent c = campaign.content();
		return sql.param("title", c.title())
			.param("subject", c.subject())
			.param("suggestedLetter", c.suggestedLetter())
			.param("guidance", c.guidance())
			.param("bodies", c.bodies().toArray(String[]::new))
			.param("petitionIds", c.petitionIds().toArray(Long[]::new))
			.param("alertIds", c.alertIds().toArray(Long[]::new))
			.param("incidentIds", c.incidentIds().toArray(Long[]::new))
			.param("state", campaign.state().name())
			.param("openedAt", at(campaign.openedAt()))
			.param("closedAt", at(campaign.closedAt()));
	}

	private static Timestamp at(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static List<Long> ids(Array array) throws SQLException {
		return Arrays.stream((Long[]) array.getArray()).toList();
	}

	private static LetterCampaign map(ResultSet rs, int row) throws SQLException {
		CampaignContent content = new CampaignContent(rs.getString("title"),
				List.of((String[]) rs.getArray("bodies").getArray()), rs.getString("subject"),
				rs.getString("suggested_letter"), rs.getString("guidance"), ids(rs.getArray("petition_ids")),
				ids(rs.getArray("alert_ids")), ids(rs.getArray("incident_ids")));
		return new LetterCampaign(rs.getLong("id"), content, CampaignState.valueOf(rs.getString("state")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), instant(rs, "opened_at"),
				instant(rs, "closed_at"), rs.getInt("version"));
	}

}
