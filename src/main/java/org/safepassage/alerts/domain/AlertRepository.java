package org.safepassage.alerts.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.safepassage.shared.RuleViolation;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AlertRepository {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ContentTranslations translations;

	AlertRepository(JdbcClient jdbc, ApplicationEventPublisher events, ContentTranslations translations) {
		this.jdbc = jdbc;
		this.events = events;
		this.translations = translations;
	}

	/** An alert with what the public and staff see beside it. */
	public record Stored(Alert alert, long prayed, Integer recipients) {
	}

	public record Page(List<Stored> alerts, long total) {
	}

	public Optional<Stored> find(long id) {
		return jdbc.sql(AlertQueries.FIND_ALERT).param("id", id).query(AlertRepository::map).optional();
	}

	/**
	 * Locks the alert row until the transaction ends: only one starter or finisher at a
	 * time.
	 */
	Optional<Alert> lock(long id) {
		return jdbc.sql(AlertQueries.FIND_ALERT_FOR_UPDATE)
			.param("id", id)
			.query(AlertRepository::map)
			.optional()
			.map(Stored::alert);
	}

	public boolean isEmpty() {
		return !jdbc.sql(AlertQueries.ANY_ALERT).query(Boolean.class).single();
	}

	public List<Stored> all(int limit, int offset) {
		return jdbc.sql(AlertQueries.ADMIN_LIST)
			.param("limit", limit)
			.param("offset", offset)
			.query(AlertRepository::map)
			.list();
	}

	/**
	 * Public alerts available in a language (written in it or completely translated into
	 * it), newest first.
	 */
	public Page archive(String language, int limit, int offset) {
		long[] total = { 0 };
		List<Stored> alerts = available(AlertQueries.ARCHIVE, language).param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				return map(rs, row);
			})
			.list();
		return new Page(alerts, total[0]);
	}

	/** Of these languages, those in which at least one public alert is available. */
	public List<String> archiveLanguages(List<String> languages) {
		return languages.stream()
			.filter(l -> available(AlertQueries.ANY_AVAILABLE, l).query(Boolean.class).single())
			.toList();
	}

	private JdbcClient.StatementSpec available(String sql, String language) {
		// Any language can be translated into, the default too (from an alert written in
		// Korean); translations into an alert's own language are never saved.
		Map<Long, Set<String>> translated = translations.translatedFields(AlertContent.TRANSLATION_KIND,
				Locale.forLanguageTag(language));
		return jdbc.sql(sql)
			.param("language", language)
			.param("titled", ids(translated, AlertText.TITLE, AlertText.BODY))
			.param("versed", ids(translated, AlertText.VERSE_TEXT, AlertText.VERSE_REFERENCE))
			.param("pointed", ids(translated, AlertText.POINTS));
	}

	private static Long[] ids(Map<Long, Set<String>> translated, String... fields) {
		List<String> all = List.of(fields);
		return translated.entrySet()
			.stream()
			.filter(e -> e.getValue().containsAll(all))
			.map(Map.Entry::getKey)
			.toArray(Long[]::new);
	}

	List<Long> dueIds(Instant now) {
		return jdbc.sql(AlertQueries.DUE_ALERTS).param("now", timestamp(now)).query(Long.class).list();
	}

	public List<Long> sendingIds() {
		return jdbc.sql(AlertQueries.SENDING_ALERTS).query(Long.class).list();
	}

	/** The new count, or empty when this is not a public prayer alert. */
	public Optional<Long> prayed(long id) {
		return jdbc.sql(AlertQueries.PRAYED).param("id", id).query(Long.class).optional();
	}

	public long save(Alert alert) {
		AlertContent c = alert.content();
		JdbcClient.StatementSpec spec = jdbc
			.sql(alert.id() == null ? AlertQueries.INSERT_ALERT : AlertQueries.UPDATE_ALERT)
			.param("kind", c.kind().name())
			.param("title", c.title())
			.param("date", c.date())
			.param("language", c.language())
			.param("verseText", c.verseText())
			.param("verseReference", c.verseReference())
			.param("body", c.body())
			.param("points", c.points().toArray(String[]::new))
			.param("petitionIds", c.petitionIds().toArray(Long[]::new))
			.param("incidentIds", c.incidentIds().toArray(Long[]::new))
			.param("state", alert.state().name())
			.param("scheduledAt", timestamp(alert.scheduledAt()))
			.param("startedAt", timestamp(alert.sendingStartedAt()))
			.param("sentAt", timestamp(alert.sentAt()));
		long id;
		if (alert.id() == null) {
			id = spec.param("createdBy", alert.createdBy()).query(Long.class).single();
		}
		else {
			id = alert.id();
			if (spec.param("id", id).param("version", alert.version()).update() == 0) {
				throw new RuleViolation("alerts.rule.changedMeanwhile", "Alert " + id + " changed meanwhile");
			}
		}
		alert.releaseEvents().forEach(events::publishEvent);
		return id;
	}

	void addRecipients(long id, int recipients) {
		jdbc.sql(AlertQueries.ADD_RECIPIENTS).param("id", id).param("recipients", recipients).update();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static List<Long> longs(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

	static Stored map(ResultSet rs, int row) throws SQLException {
		Array points = rs.getArray("points");
		AlertContent content = new AlertContent(AlertKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getObject("alert_date", LocalDate.class), rs.getString("language"), rs.getString("verse_text"),
				rs.getString("verse_reference"), rs.getString("body"),
				points == null ? List.of() : Arrays.asList((String[]) points.getArray()), longs(rs, "petition_ids"),
				longs(rs, "incident_ids"));
		Alert alert = new Alert(rs.getLong("id"), content, AlertState.valueOf(rs.getString("state")),
				instant(rs, "scheduled_at"), instant(rs, "sending_started_at"), instant(rs, "sent_at"),
				rs.getString("created_by"), rs.getInt("version"));
		return new Stored(alert, rs.getLong("prayed"), rs.getObject("recipients", Integer.class));
	}

}
