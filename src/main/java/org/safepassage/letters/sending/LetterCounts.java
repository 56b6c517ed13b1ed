package org.safepassage.letters.sending;

import java.util.List;

import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.letters.store.LettersQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a campaign's letters achieved, per body: sent, and how many writers got a reply.
 */
@Service
public class LetterCounts {

	private final JdbcClient jdbc;

	LetterCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param answered writers who said whether they got a reply
	 * @param replied of those, the ones who did
	 * @param held letters waiting for staff review
	 */
	public record BodyCount(String bodyCode, String bodyName, long sent, long answered, long replied, long held) {

		/** Replies per answer, in percent; null before anyone answered. */
		public Integer replyRatePercent() {
			return answered == 0 ? null : Math.toIntExact(Math.round(100.0 * replied / answered));
		}

	}

	public List<BodyCount> of(LetterCampaign campaign) {
		return jdbc.sql(LettersQueries.CAMPAIGN_STATISTICS)
			.param("campaignId", campaign.id())
			.param("bodies", campaign.content().bodies().toArray(String[]::new))
			.query((rs, n) -> new BodyCount(rs.getString("code"), rs.getString("name"), rs.getLong("sent"),
					rs.getLong("answered"), rs.getLong("replied"), rs.getLong("held")))
			.list();
	}

}
