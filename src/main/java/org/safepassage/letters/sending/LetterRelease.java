package org.safepassage.letters.sending;

import java.io.UnsupportedEncodingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import org.safepassage.letters.campaign.LettersProperties;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.Representative;
import org.safepassage.letters.store.LettersQueries;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.Outbox;
import org.safepassage.system.mail.OutgoingMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves queued letters into the mail outbox, spread out per representative: at most
 * {@code per-representative-per-hour} in any hour and never two closer together than an
 * hour divided by that number, so a campaign's spike reaches an office as a steady
 * trickle rather than a flood its filters would bin. One instance releases at a time (an
 * advisory lock); the outbox then sends them as it sends all mail.
 */
@Service
public class LetterRelease {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final MailComposer mails;

	private final Outbox outbox;

	private final LettersProperties properties;

	private final SafePassageProperties site;

	private final Clock clock;

	LetterRelease(JdbcClient jdbc, Directory directory, MailComposer mails, Outbox outbox, LettersProperties properties,
			SafePassageProperties site, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.mails = mails;
		this.outbox = outbox;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	/** Releases what may go now; returns how many letters went to the outbox. */
	@Transactional
	public int release() {
		if (!jdbc.sql(LettersQueries.RELEASE_LOCK).query(Boolean.class).single()) {
			return 0;
		}
		Instant now = clock.instant();
		List<Long> due = jdbc.sql(LettersQueries.RELEASABLE)
			.param("hourAgo", Timestamp.from(now.minus(Duration.ofHours(1))))
			.param("perHour", properties.perRepresentativePerHour())
			.param("spacedAgo", Timestamp.from(now.minus(properties.spacing())))
			.param("limit", 500)
			.query(Long.class)
			.list();
		for (long id : due) {
			Letter letter = jdbc.sql(LettersQueries.LETTER).param("id", id).query(LetterRelease::letter).single();
			Representative representative = directory.find(letter.representativeId()).orElseThrow();
			outbox.enqueue(compose(letter, representative));
			jdbc.sql(LettersQueries.MARK_SENT).param("id", id).param("now", Timestamp.from(now)).update();
		}
		return due.size();
	}

	record Letter(long id, long representativeId, String name, String email, String postalAddress, String town,
			String postcode, String text, String locale, String subject) {
	}

	private static Letter letter(ResultSet rs, int row) throws SQLException {
		return new Letter(rs.getLong("id"), rs.getLong("representative_id"), rs.getString("name"),
				rs.getString("email"), rs.getString("postal_address"), rs.getString("town"), rs.getString("postcode"),
				rs.getString("letter_text"), rs.getString("locale"), rs.getString("subject"));
	}

	/**
	 * From the service's address (the constituent's own domain would fail SPF and DMARC),
	 * answered to the constituent, with their name and address on top as representatives
	 * need to see they are a constituent. A person's own letter, not an automated mail:
	 * {@code Auto-Submitted: no}.
	 */
	private OutgoingMail compose(Letter letter, Representative representative) {
		Map<String, Object> model = Map.of("name", letter.name(), "email", letter.email(), "addressLines",
				letter.postalAddress().lines().map(String::strip).filter(l -> !l.isEmpty()).toList(), "town",
				letter.town(), "postcode", letter.postcode(), "text", letter.text(), "representative",
				representative.name(), "siteUrl", site.link("/letters"));
		return mails.compose(representative.email(), "letters/letter", model, Locale.forLanguageTag(letter.locale()),
				new Object[] { letter.subject() }, Map.of("Reply-To", replyTo(letter), "Auto-Submitted", "no"));
	}

	private static String replyTo(Letter letter) {
		try {
			return new InternetAddress(letter.email(), letter.name(), "UTF-8").toString();
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException("UTF-8 is part of every Java runtime", e);
		}
	}

}
