package org.safepassage.letters.sending;

import java.sql.Timestamp;
import java.util.List;

import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.Representative;
import org.safepassage.letters.store.LettersQueries;
import org.safepassage.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters held because they are nearly the same as many others: staff read them and
 * release them to the queue or reject them. Nothing held is dropped without a person
 * deciding.
 */
@Service
public class Review {

	private final JdbcClient jdbc;

	private final Directory directory;

	Review(JdbcClient jdbc, Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	public record HeldLetter(long id, String representative, String name, String town, String text,
			Timestamp confirmedAt) {
	}

	@Transactional(readOnly = true)
	public List<HeldLetter> held(long campaignId) {
		return jdbc.sql(LettersQueries.HELD_LETTERS)
			.param("campaignId", campaignId)
			.query((rs, n) -> new HeldLetter(rs.getLong("id"),
					directory.find(rs.getLong("representative_id")).map(Representative::name).orElse(""),
					rs.getString("name"), rs.getString("town"), rs.getString("letter_text"),
					rs.getTimestamp("confirmed_at")))
			.list();
	}

	@Transactional
	public void release(long campaignId, long letterId) {
		decide(campaignId, letterId, "QUEUED");
	}

	@Transactional
	public void reject(long campaignId, long letterId) {
		decide(campaignId, letterId, "REJECTED");
	}

	private void decide(long campaignId, long letterId, String status) {
		int changed = jdbc.sql(LettersQueries.REVIEW_HELD)
			.param("id", letterId)
			.param("campaignId", campaignId)
			.param("status", status)
			.update();
		RuleViolation.require(changed == 1, "letters.rule.reviewOnlyHeld");
	}

}
