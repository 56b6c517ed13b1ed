package org.safepassage.letters.sending;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safepassage.letters.campaign.LettersProperties;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.Representative;
import org.safepassage.letters.store.LettersQueries;
import org.safepassage.shared.Tokens;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a letter has had time to be answered, its writer is asked whether it was (a
 * mailed link: the page shows two buttons, a POST answers); later the letter's text and
 * its writer's details are removed, the counts staying.
 */
@Service
public class FollowUps {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final MailComposer mails;

	private final Outbox outbox;

	private final LettersProperties properties;

	private final SafePassageProperties site;

	private final Clock clock;

	FollowUps(JdbcClient jdbc, Directory directory, MailComposer mails, Outbox outbox, LettersProperties properties,
			SafePassageProperties site, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.mails = mails;
		this.outbox = outbox;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	/**
	 * Mails "did you get a reply?" for letters sent long enough ago; returns how many.
	 */
	@Transactional
	public int askAboutReplies() {
		Instant now = clock.instant();
		record Due(long id, String name, String email, String locale, long representativeId, String campaign) {
		}
		List<Due> due = jdbc.sql(LettersQueries.DUE_REPLY_QUESTIONS)
			.param("due", Timestamp.from(now.minus(properties.askAboutReplyAfter())))
			.param("limit", 500)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
					rs.getString("locale"), rs.getLong("representative_id"), rs.getString("campaign_title")))
			.list();
		for (Due letter : due) {
			String token = Tokens.newToken();
			String representative = directory.find(letter.representativeId()).map(Representative::name).orElse("");
			Map<String, Object> model = Map.of("name", letter.name(), "representative", representative, "campaignTitle",
					letter.campaign(), "answerUrl",
					site.link("/letters/reply?token=" + token, Locale.forLanguageTag(letter.locale())));
			outbox.enqueue(mails.compose(letter.email(), "letters/reply-question", model,
					Locale.forLanguageTag(letter.locale()), new Object[] { representative }, Map.of()));
			jdbc.sql(LettersQueries.MARK_REPLY_ASKED)
				.param("id", letter.id())
				.param("now", Timestamp.from(now))
				.param("tokenHash", Tokens.hash(token))
				.update();
		}
		return due.size();
	}

	/** The question a reply link asks, or empty for a link we did not send. */
	public record Question(long campaignId, String campaignTitle, String representative, Boolean answer) {
	}

	@Transactional(readOnly = true)
	public Optional<Question> question(String token) {
		if (!Tokens.looksValid(token)) {
			return Optional.empty();
		}
		return jdbc.sql(LettersQueries.LETTER_BY_REPLY_TOKEN)
			.param("tokenHash", Tokens.hash(token))
			.query((rs, n) -> new Question(rs.getLong("campaign_id"), rs.getString("campaign_title"),
					directory.find(rs.getLong("representative_id")).map(Representative::name).orElse(""),
					(Boolean) rs.getObject("replied")))
			.optional();
	}

	/**
	 * Records the answer; a later answer replaces an earlier one (a reply may come late).
	 */
	@Transactional
	public Optional<Question> answer(String token, boolean replied) {
		if (!Tokens.looksValid(token)) {
			return Optional.empty();
		}
		jdbc.sql(LettersQueries.ANSWER_REPLY).param("tokenHash", Tokens.hash(token)).param("replied", replied).update();
		return question(token);
	}

	/**
	 * Removes the text and the constituent's details of letters sent (or refused)
	 * {@code keep-details-for} ago, and unconfirmed letters whose link ran out; returns
	 * how many letters were scrubbed.
	 */
	@Transactional
	public int scrub() {
		Instant now = clock.instant();
		jdbc.sql(LettersQueries.DELETE_EXPIRED_UNCONFIRMED).param("now", Timestamp.from(now)).update();
		return jdbc.sql(LettersQueries.SCRUB)
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(now.minus(properties.keepDetailsFor())))
			.update();
	}

}
