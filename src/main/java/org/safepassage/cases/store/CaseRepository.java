package org.safepassage.cases.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.cases.CaseLink;
import org.safepassage.cases.domain.AgeBand;
import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.cases.domain.CaseRetention;
import org.safepassage.cases.domain.CaseState;
import org.safepassage.cases.domain.Gender;
import org.safepassage.cases.domain.PublicCase;
import org.safepassage.cases.domain.Situation;
import org.safepassage.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases in and out of the database. Public reads return only the approved copy
 * ({@link PublicCase}); nothing here reads a protected column.
 */
@Repository
public class CaseRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> TRANSLATIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A page of published cases and how many match in all. */
	public record Page(List<PublicCase> cases, long total) {
	}

	public Optional<Case> find(long id) {
		return this.jdbc.sql(CaseQueries.FIND_CASE).param("id", id).query(CaseRepository::map).optional();
	}

	/** Staff search: by case number or pseudonym, never by a protected field. */
	public List<Case> staffList(String query, CaseState state, int limit, int offset) {
		String q = (query == null || query.isBlank()) ? null : query.strip();
		return this.jdbc.sql(CaseQueries.STAFF_LIST)
			.param("query", q)
			.param("escaped", q == null ? null : q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
			.param("state", state == null ? null : state.name())
			.param("limit", limit)
			.param("offset", offset)
			.query(CaseRepository::map)
			.list();
	}

	public Optional<PublicCase> published(String slug) {
		return this.jdbc.sql(CaseQueries.PUBLISHED_BY_SLUG)
			.param("slug", slug)
			.query(String.class)
			.optional()
			.map(CaseRepository::publicCase);
	}

	/** Published cases, newest first; {@code query} searches pseudonym and story. */
	public Page published(String query, Situation situation, int limit, int offset) {
		long[] total = { 0 };
		List<PublicCase> found = this.jdbc.sql(CaseQueries.PUBLISHED_LIST)
			.param("query", (query == null || query.isBlank()) ? null : query.strip())
			.param("situation", situation == null ? null : situation.name())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				return publicCase(rs.getString(1));
			})
			.list();
		return new Page(found, total[0]);
	}

	public List<PublicCase> published(int limit) {
		return this.jdbc.sql(CaseQueries.PUBLISHED_ALL)
			.param("limit", limit)
			.query(String.class)
			.list()
			.stream()
			.map(CaseRepository::publicCase)
			.toList();
	}

	public List<PublicCase> publishedFor(CaseLink link) {
		String key = switch (link.kind()) {
			case PETITION -> "petitionIds";
			case INCIDENT -> "incidentIds";
			case ALERT -> "alertIds";
			case LETTER_CAMPAIGN -> "letterCampaignIds";
		};
		String filter = JSON.writeValueAsString(Map.of("links", Map.of(key, List.of(link.id()))));
		return this.jdbc.sql(CaseQueries.PUBLISHED_LINKED)
			.param("filter", filter)
			.query(String.class)
			.list()
			.stream()
			.map(CaseRepository::publicCase)
			.toList();
	}

	long nextNumber(int year) {
		return this.jdbc.sql(CaseQueries.NEXT_NUMBER).param("year", year).query(Long.class).single();
	}

	long insert(Case file) {
		CaseContent c = file.content();
		return content(this.jdbc.sql(CaseQueries.INSERT_CASE), c).param("number", file.number())
			.param("slug", file.slug())
			.param("dataKeyId", file.dataKeyId())
			.param("state", file.state().name())
			.param("createdBy", file.createdBy())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	void update(Case file) {
		PublicCase published = file.published();
		int updated = content(this.jdbc.sql(CaseQueries.UPDATE_CASE), file.content()).param("id", file.id())
			.param("version", file.version())
			.param("state", file.state().name())
			.param("published", published == null ? null : JSON.writeValueAsString(published))
			.param("reviewRequestedBy", file.reviewRequestedBy())
			.param("reviewRequestedAt", timestamp(file.reviewRequestedAt()))
			.param("publishedBy", file.publishedBy())
			.param("publishedAt", published == null ? null : timestamp(published.publishedAt()))
			.param("withdrawnAt", timestamp(file.withdrawnAt()))
			.param("keptAt", timestamp(file.retention().keptAt()))
			.param("keptBy", file.retention().keptBy())
			.param("erasedAt", timestamp(file.retention().erasedAt()))
			.param("erasedBy", file.retention().erasedBy())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (updated == 0) {
			throw new RuleViolation("cases.rule.changedMeanwhile", "Case " + file.id() + " changed meanwhile");
		}
	}

	void delete(long id) {
		this.jdbc.sql(CaseQueries.DELETE_CASE).param("id", id).update();
	}

	private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec spec, CaseContent c) {
		return spec.param("pseudonym", c.pseudonym())
			.param("ageBand", c.ageBand() == null ? null : c.ageBand().name())
			.param("gender", c.gender() == null ? null : c.gender().name())
			.param("situation", c.situation().name())
			.param("situationSince", c.situationSince())
			.param("lastHeardOn", c.lastHeardOn())
			.param("story", c.story())
			.param("storyTranslations", JSON.writeValueAsString(c.storyTranslations()))
			.param("incidentIds", c.links().incidentIds().toArray(Long[]::new))
			.param("petitionIds", c.links().petitionIds().toArray(Long[]::new))
			.param("alertIds", c.links().alertIds().toArray(Long[]::new))
			.param("letterCampaignIds", c.links().letterCampaignIds().toArray(Long[]::new));
	}

	private static Map<String, String> translations(String json) {
		return json == null ? Map.of() : JSON.readValue(json, TRANSLATIONS);
	}

	static PublicCase publicCase(String json) {
		return JSON.readValue(json, PublicCase.class);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static List<Long> longs(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	static Case map(ResultSet rs, int row) throws SQLException {
		CaseContent content = new CaseContent(rs.getString("pseudonym"),
				enumOf(AgeBand.class, rs.getString("age_band")), enumOf(Gender.class, rs.getString("gender")),
				Situation.valueOf(rs.getString("situation")), rs.getObject("situation_since", LocalDate.class),
				rs.getObject("last_heard_on", LocalDate.class), rs.getString("story"),
				translations(rs.getString("story_translations")), new CaseContent.Links(longs(rs, "incident_ids"),
						longs(rs, "petition_ids"), longs(rs, "alert_ids"), longs(rs, "letter_campaign_ids")));
		String published = rs.getString("published");
		CaseRetention retention = new CaseRetention(instant(rs, "retention_due_since"),
				instant(rs, "retention_kept_at"), rs.getString("retention_kept_by"), instant(rs, "protected_erased_at"),
				rs.getString("protected_erased_by"));
		return new Case(rs.getLong("id"), rs.getString("number"), rs.getString("slug"),
				rs.getObject("data_key_id", Long.class), CaseState.valueOf(rs.getString("state")), content,
				published == null ? null : publicCase(published), rs.getString("review_requested_by"),
				instant(rs, "review_requested_at"), rs.getString("published_by"), instant(rs, "withdrawn_at"),
				rs.getString("created_by"), rs.getInt("version"), retention);
	}

}
