package org.safepassage.letters.writing;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.safepassage.letters.campaign.LettersProperties;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.Representative;
import org.safepassage.letters.store.LettersQueries;
import org.safepassage.shared.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailed link that turns a supporter's letters into queued ones. Its page (GET) only
 * shows them, since mail scanners open links; pressing the button (POST) confirms, once.
 * Confirming applies the one-letter rule (a second letter to the same representative from
 * the same mailbox in the same campaign is not sent) and holds letters nearly identical
 * to many others for staff review.
 */
@Service
public class Confirmation {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final LettersProperties properties;

	private final Clock clock;

	Confirmation(JdbcClient jdbc, Directory directory, LettersProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.properties = properties;
		this.clock = clock;
	}

	public enum LinkStatus {

		VALID, JUST_CONFIRMED, CONFIRMED, EXPIRED, UNKNOWN

	}

	/**
	 * What became of one letter: QUEUED, HELD (for review), SENT, REPEAT, REJECTED ...
	 */
	public record LetterOutcome(String representative, String body, String status) {
	}

	public record Link(LinkStatus status, Long campaignId, List<LetterOutcome> letters, String text) {

		static Link unknown() {
			return new Link(LinkStatus.UNKNOWN, null, List.of(), null);
		}

	}

	@Transactional(readOnly = true)
	public Link inspect(String token) {
		if (!Tokens.looksValid(token)) {
			return Link.unknown();
		}
		Instant now = clock.instant();
		List<LetterOutcome> letters = new ArrayList<>();
		Long[] campaign = new Long[1];
		String[] text = new String[1];
		boolean[] state = new boolean[2]; // any unconfirmed, any expired
		jdbc.sql(LettersQueries.LETTERS_BY_TOKEN).param("tokenHash", Tokens.hash(token)).query(rs -> {
			campaign[0] = rs.getLong("campaign_id");
			String status = rs.getString("status");
			if (status.equals("UNCONFIRMED")) {
				boolean expired = !rs.getTimestamp("token_expires_at").toInstant().isAfter(now);
				state[expired ? 1 : 0] = true;
				if (text[0] == null) {
					text[0] = rs.getString("letter_text");
				}
			}
			letters.add(outcome(rs.getLong("representative_id"), status));
		});
		if (letters.isEmpty()) {
			return Link.unknown();
		}
		LinkStatus status = state[0] ? LinkStatus.VALID : state[1] ? LinkStatus.EXPIRED : LinkStatus.CONFIRMED;
		return new Link(status, campaign[0], letters, status == LinkStatus.VALID ? text[0] : null);
	}

	@Transactional
	public Link confirm(String token) {
		if (!Tokens.looksValid(token)) {
			return Link.unknown();
		}
		Instant now = clock.instant();
		record Pending(long id, long campaignId, long representativeId, byte[] mailbox, String text) {
		}
		List<Pending> pending = jdbc.sql(LettersQueries.LOCK_UNCONFIRMED)
			.param("tokenHash", Tokens.hash(token))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("representative_id"),
					rs.getBytes("mailbox_hash"), rs.getString("letter_text")))
			.list();
		if (pending.isEmpty()) {
			return inspect(token);
		}
		List<int[]> others = new ArrayList<>(jdbc.sql(LettersQueries.CAMPAIGN_FINGERPRINTS)
			.param("campaignId", pending.getFirst().campaignId())
			.query((rs, n) -> {
				Integer[] values = (Integer[]) rs.getArray(1).getArray();
				int[] fingerprint = new int[values.length];
				for (int i = 0; i < values.length; i++) {
					fingerprint[i] = values[i];
				}
				return fingerprint;
			})
			.list());
		for (Pending letter : pending) {
			// Two links of one mailbox confirmed at once would otherwise both pass the
			// check below and the second would fail on the unique index.
			jdbc.sql(LettersQueries.LOCK_MAILBOX)
				.param("letterKey", Long.hashCode(letter.campaignId() * 1_000_003L + letter.representativeId()))
				.param("mailboxKey", ByteBuffer.wrap(letter.mailbox()).getInt())
				.query(Long.class)
				.single();
			boolean repeat = jdbc.sql(LettersQueries.ALREADY_WRITTEN)
				.param("campaignId", letter.campaignId())
				.param("representativeId", letter.representativeId())
				.param("mailboxHash", letter.mailbox())
				.query(Boolean.class)
				.single();
			int[] fingerprint = LetterText.fingerprint(letter.text());
			long alike = others.stream()
				.filter(other -> LetterText.similarity(fingerprint, other) >= properties.similarity())
				.count();
			String status = repeat ? "REPEAT" : alike >= properties.similarLetters() ? "HELD" : "QUEUED";
			jdbc.sql(LettersQueries.CONFIRM_LETTER)
				.param("id", letter.id())
				.param("status", status)
				.param("now", Timestamp.from(now))
				.param("fingerprint", repeat ? null : Arrays.stream(fingerprint).boxed().toArray(Integer[]::new))
				.update();
			if (!repeat) {
				others.add(fingerprint);
			}
		}
		Link after = inspect(token);
		return new Link(LinkStatus.JUST_CONFIRMED, after.campaignId(), after.letters(), null);
	}

	private LetterOutcome outcome(long representativeId, String status) {
		Representative representative = directory.find(representativeId).orElseThrow();
		return new LetterOutcome(representative.name(), representative.bodyName(), status);
	}

}
