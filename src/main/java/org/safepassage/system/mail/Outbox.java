package org.safepassage.system.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only way modules send mail: written in the caller's transaction, so it exists if
 * and only if the action does, with its Message-ID drawn now so every attempt carries it.
 */
@Service
public class Outbox {

	private final JdbcClient jdbc;

	private final MailProperties properties;

	private final MessageIds messageIds;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	Outbox(JdbcClient jdbc, MailProperties properties, MessageIds messageIds, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.properties = properties;
		this.messageIds = messageIds;
	}

	/**
	 * The one sender address of the application ({@code safepassage.mail.from}), for
	 * modules that also send over their own SMTP connection.
	 */
	public String from() {
		return properties.from();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(OutgoingMail mail) {
		jdbc.sql(MailQueries.ENQUEUE)
			.param("recipient", mail.recipient())
			.param("subject", mail.subject())
			.param("text", mail.textBody())
			.param("html", mail.htmlBody())
			.param("headers", json.writeValueAsString(mail.headers()))
			.param("category", mail.category())
			.param("messageId", messageIds.next())
			.param("automated", mail.automated())
			.update();
	}

	/** Many mails in one statement, for callers that batch their own writes. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueueAll(List<OutgoingMail> mails) {
		if (mails.isEmpty()) {
			return;
		}
		int n = mails.size();
		String[] recipients = new String[n], subjects = new String[n], texts = new String[n], htmls = new String[n],
				headers = new String[n], categories = new String[n], ids = new String[n];
		Boolean[] automated = new Boolean[n];
		for (int i = 0; i < n; i++) {
			OutgoingMail mail = mails.get(i);
			recipients[i] = mail.recipient();
			subjects[i] = mail.subject();
			texts[i] = mail.textBody();
			htmls[i] = mail.htmlBody();
			headers[i] = mail.headers().isEmpty() ? "{}" : json.writeValueAsString(mail.headers());
			categories[i] = mail.category();
			ids[i] = messageIds.next();
			automated[i] = mail.automated();
		}
		jdbc.sql(MailQueries.ENQUEUE_MANY)
			.param("recipients", recipients)
			.param("subjects", subjects)
			.param("texts", texts)
			.param("htmls", htmls)
			.param("headers", headers)
			.param("categories", categories)
			.param("messageIds", ids)
			.param("automated", automated)
			.update();
	}

	/**
	 * Mail not yet accepted by the server: how many, and when the longest-waiting was
	 * queued (empty when nothing waits).
	 */
	public record Queue(long depth, Optional<Instant> oldestQueuedAt) {
	}

	public Queue queue() {
		return jdbc.sql(MailQueries.QUEUE)
			.query((rs, n) -> new Queue(rs.getLong(1),
					Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
			.single();
	}

	/**
	 * Queues a failed mail again, as if new: for an admin after an outage longer than the
	 * retry period. Only while its body is kept ({@code keep-failed}).
	 * @return whether the mail was failed and could be sent again
	 */
	@Transactional
	public boolean sendAgain(long id) {
		return jdbc.sql(MailQueries.SEND_AGAIN)
			.param("id", id)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * How many mails of one category are in each status: the progress of a bulk send that
	 * gave its mails their own category. Reads the whole table; for staff pages, not for
	 * hot paths.
	 */
	public Map<String, Long> countsByStatus(String category) {
		return jdbc.sql(MailQueries.COUNT_BY_STATUS_OF_CATEGORY)
			.param("category", category)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public Map<String, Long> countsByStatus() {
		return jdbc.sql(MailQueries.COUNT_BY_STATUS)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
