package org.safepassage.alerts.domain;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rounds of an alert's send, one per language: when each language went out, who sent
 * a language added later, to how many, and the translated text as it was mailed.
 */
@Repository
public class LanguageRounds {

	private final JdbcClient jdbc;

	LanguageRounds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A language an alert went out in; {@code startedBy} is null for the first send. */
	public record Round(String language, Instant startedAt, String startedBy, int recipients) {
	}

	public List<Round> of(long alertId) {
		return jdbc.sql(AlertQueries.ROUNDS)
			.param("alertId", alertId)
			.query((rs, n) -> new Round(rs.getString("language"), rs.getTimestamp("started_at").toInstant(),
					rs.getString("started_by"), rs.getInt("recipients")))
			.list();
	}

	/**
	 * The text mailed in a language: the snapshot of its round, or the original (its own
	 * language, or a round older than the snapshots).
	 */
	public AlertText text(AlertContent content, long alertId, String language) {
		if (language.equals(content.language())) {
			return AlertText.original(content);
		}
		return jdbc.sql(AlertQueries.ROUND_TEXT)
			.param("alertId", alertId)
			.param("language", language)
			.query((rs, n) -> {
				Map<String, String> fields = new HashMap<>();
				put(fields, AlertText.TITLE, rs.getString("title"));
				put(fields, AlertText.BODY, rs.getString("body"));
				put(fields, AlertText.VERSE_TEXT, rs.getString("verse_text"));
				put(fields, AlertText.VERSE_REFERENCE, rs.getString("verse_reference"));
				Array points = rs.getArray("points");
				if (points != null) {
					put(fields, AlertText.POINTS, String.join("\n", (String[]) points.getArray()));
				}
				return new AlertText(language, fields);
			})
			.optional()
			.filter(t -> !t.isOriginal())
			.orElseGet(() -> AlertText.original(content));
	}

	private static void put(Map<String, String> fields, String name, String text) {
		if (text != null && !text.isEmpty()) {
			fields.put(name, text);
		}
	}

	/**
	 * Records a language's round with its text; false when that language has one already
	 * (the primary key decides, across instances).
	 */
	boolean start(long alertId, AlertText text, Instant at, String by) {
		Map<String, String> f = text.fields();
		String points = f.get(AlertText.POINTS);
		return jdbc.sql(AlertQueries.INSERT_ROUND)
			.param("alertId", alertId)
			.param("language", text.language())
			.param("title", f.get(AlertText.TITLE))
			.param("verseText", f.get(AlertText.VERSE_TEXT))
			.param("verseReference", f.get(AlertText.VERSE_REFERENCE))
			.param("body", f.get(AlertText.BODY))
			.param("points",
					points == null ? null
							: points.lines().map(String::strip).filter(l -> !l.isEmpty()).toArray(String[]::new))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

	void recipients(long alertId, String language, int recipients) {
		jdbc.sql(AlertQueries.SET_ROUND_RECIPIENTS)
			.param("alertId", alertId)
			.param("language", language)
			.param("recipients", recipients)
			.update();
	}

	Optional<Round> find(long alertId, String language) {
		return of(alertId).stream().filter(r -> r.language().equals(language)).findFirst();
	}

}
