package org.safepassage.system.mail.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.safepassage.system.mail.MailSource;
import org.safepassage.system.mail.MessageIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The mail outbox ({@code mail_outbox}) as a source of the mail engine. */
@Component
class OutboxSource implements MailSource {

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final MessageIds messageIds;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	OutboxSource(JdbcClient jdbc, MessageIds messageIds, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.messageIds = messageIds;
	}

	@Override
	public List<Queued> claim(int limit, Duration lease) {
		return jdbc.sql(SendingQueries.CLAIM)
			.param("leaseSeconds", lease.toSeconds())
			.param("limit", limit)
			.param("domain", messageIds.domain())
			.param("now", now())
			.query((rs, n) -> new Queued(rs.getLong("id"), rs.getString("recipient"), rs.getString("message_id"),
					rs.getInt("attempts"), rs.getString("subject"), rs.getString("text_body"),
					rs.getString("html_body"), headers(rs.getString("headers")), rs.getBoolean("automated"),
					rs.getTimestamp("queued_at").toInstant()))
			.list();
	}

	private Map<String, String> headers(String text) {
		return text == null || "{}".equals(text) ? Map.of() : json.readValue(text, HEADERS);
	}

	/**
	 * Failed mail kept for an admin to send again is erased after {@code keep-failed}.
	 */
	void eraseFailedBefore(Instant before) {
		jdbc.sql(SendingQueries.ERASE_FAILED).param("before", before.atOffset(ZoneOffset.UTC)).update();
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	@Override
	public void settle(List<Outcome> outcomes) {
		List<Long> sent = new ArrayList<>();
		Marks retried = new Marks();
		Marks deferred = new Marks();
		Marks ended = new Marks();
		for (Outcome o : outcomes) {
			long id = o.mail().id();
			switch (o.result()) {
				case SENT -> sent.add(id);
				case RETRY -> retried.add(id, o, null);
				case DEFERRED -> deferred.add(id, o, null);
				case FAILED, BOUNCED -> ended.add(id, o, "failed");
				case SUPPRESSED -> ended.add(id, o, "suppressed");
			}
		}
		if (!sent.isEmpty()) {
			jdbc.sql(SendingQueries.MARK_SENT).param("ids", sent.toArray(Long[]::new)).param("now", now()).update();
		}
		if (!retried.ids.isEmpty()) {
			jdbc.sql(SendingQueries.RETRY_LATER)
				.param("ids", retried.ids.toArray(Long[]::new))
				.param("delays", retried.delays.toArray(Double[]::new))
				.param("errors", retried.errors.toArray(String[]::new))
				.param("now", now())
				.update();
		}
		if (!deferred.ids.isEmpty()) {
			jdbc.sql(SendingQueries.DEFER)
				.param("ids", deferred.ids.toArray(Long[]::new))
				.param("delays", deferred.delays.toArray(Double[]::new))
				.param("now", now())
				.update();
		}
		if (!ended.ids.isEmpty()) {
			jdbc.sql(SendingQueries.MARK_ENDED)
				.param("ids", ended.ids.toArray(Long[]::new))
				.param("statuses", ended.statuses.toArray(String[]::new))
				.param("errors", ended.errors.toArray(String[]::new))
				.param("now", now())
				.update();
		}
	}

	/** The columns of one kind of mark, for one statement over arrays. */
	private static final class Marks {

		final List<Long> ids = new ArrayList<>();

		final List<Double> delays = new ArrayList<>();

		final List<String> errors = new ArrayList<>();

		final List<String> statuses = new ArrayList<>();

		void add(long id, Outcome o, String status) {
			ids.add(id);
			delays.add(o.delay().toMillis() / 1000.0);
			errors.add(o.error());
			statuses.add(status);
		}

	}

}
