package org.safepassage.cases.store;

/**
 * The cases module's SQL. Protected columns are only ever written with sealed bytes and
 * read one field at a time for a reveal or an approved export; no query searches them.
 */
final class CaseQueries {

	private CaseQueries() {
	}

	static final String NEXT_NUMBER = """
			insert into case_number_counter (year, last) values (:year, 1)
			on conflict (year) do update set last = case_number_counter.last + 1
			returning last
			""";

	private static final String CASE_COLUMNS = """
			id, number, slug, data_key_id, state, pseudonym, age_band, gender, situation, situation_since,
			last_heard_on, story, story_translations::text as story_translations, incident_ids, petition_ids, alert_ids,
			letter_campaign_ids, published::text as published,
			review_requested_by, review_requested_at, published_by, withdrawn_at, created_by, version,
			retention_due_since, retention_kept_at, retention_kept_by, protected_erased_at, protected_erased_by
			""";

	static final String INSERT_CASE = """
			insert into case_file (number, slug, data_key_id, state, pseudonym, age_band, gender, situation,
			    situation_since, last_heard_on, story, story_translations, incident_ids, petition_ids, alert_ids,
			    letter_campaign_ids, created_by, created_at, updated_at)
			values (:number, :slug, :dataKeyId, :state, :pseudonym, :ageBand, :gender, :situation, :situationSince,
			    :lastHeardOn, :story, cast(:storyTranslations as jsonb), :incidentIds, :petitionIds, :alertIds, :letterCampaignIds, :createdBy, :now, :now)
			returning id
			""";

	static final String UPDATE_CASE = """
			update case_file set state = :state, pseudonym = :pseudonym, age_band = :ageBand, gender = :gender,
			    situation = :situation, situation_since = :situationSince, last_heard_on = :lastHeardOn, story = :story,
			    story_translations = cast(:storyTranslations as jsonb),
			    incident_ids = :incidentIds, petition_ids = :petitionIds, alert_ids = :alertIds,
			    letter_campaign_ids = :letterCampaignIds, published = cast(:published as jsonb),
			    review_requested_by = :reviewRequestedBy, review_requested_at = :reviewRequestedAt,
			    published_by = :publishedBy, published_at = :publishedAt, withdrawn_at = :withdrawnAt,
			    retention_kept_at = :keptAt, retention_kept_by = :keptBy, protected_erased_at = :erasedAt,
			    protected_erased_by = :erasedBy, retention_due_since = null,
			    updated_at = :now, version = version + 1
			where id = :id and version = :version
			""";

	static final String FIND_CASE = "select " + CASE_COLUMNS + " from case_file where id = :id";

	static final String STAFF_LIST = "select " + CASE_COLUMNS + """
			 from case_file
			where (cast(:query as text) is null
			       or number = upper(:query)
			       or pseudonym ilike '%' || :escaped || '%' escape '\\')
			  and (cast(:state as text) is null or state = :state)
			order by updated_at desc, id desc
			limit :limit offset :offset
			""";

	/** Sealed protected values of one case, as column name and bytes. */
	static final String SEALED_FIELD = "select %s from case_file where id = :id";

	static final String SEAL_FIELD = "update case_file set %s = :sealed, updated_at = :now where id = :id";

	static final String HAS_FIELD = "select %s is not null from case_file where id = :id";

	static final String DELETE_CASE = "delete from case_file where id = :id";

	// The public side: only the approved copy, never the columns staff edit.

	static final String PUBLISHED_BY_SLUG = "select published::text from case_file where slug = :slug and published is not null";

	/**
	 * The search reads the approved copy only (pseudonym, story, story translations):
	 * whole words through {@code search}, Korean and Chinese words through the characters
	 * and pairs of characters of {@code cjk} (the evidence module's functions,
	 * V3_4__cjk_search.sql), kept where the words occur as typed.
	 */
	static final String PUBLISHED_LIST = """
			select published::text, count(*) over () as total from case_file
			where published is not null
			  and (cast(:query as text) is null
			       or search @@ websearch_to_tsquery('simple', cast(:query as text))
			       or (cardinality(evidence_cjk_query(cast(:query as text))) > 0
			           and cjk @> evidence_cjk_query(cast(:query as text))
			           and evidence_cjk_contains(case_published_text(published), cast(:query as text))))
			  and (cast(:situation as text) is null or published ->> 'situation' = :situation)
			order by published_at desc, id desc
			limit :limit offset :offset
			""";

	static final String PUBLISHED_ALL = """
			select published::text from case_file where published is not null order by published_at desc, id desc
			limit :limit
			""";

	/**
	 * {@code :filter} is e.g. {"links":{"petitionIds":[12]}}: the approved links only.
	 */
	static final String PUBLISHED_LINKED = """
			select published::text from case_file where published @> cast(:filter as jsonb)
			order by published_at, id
			""";

	// Attachments

	static final String INSERT_ATTACHMENT = """
			insert into case_attachment (case_id, sealed_name, sealed_type, sealed_bytes, size, added_by, added_at)
			values (:caseId, :name, :type, :bytes, :size, :addedBy, :now)
			returning id
			""";

	static final String ATTACHMENT_COUNT = "select count(*) from case_attachment where case_id = :caseId";

	static final String ATTACHMENTS = """
			select id, size, added_by, added_at from case_attachment where case_id = :caseId order by id
			""";

	static final String ATTACHMENT = """
			select id, sealed_name, sealed_type, sealed_bytes, size from case_attachment
			where id = :id and case_id = :caseId
			""";

	static final String DELETE_ATTACHMENT = "delete from case_attachment where id = :id and case_id = :caseId";

	// Exports

	static final String INSERT_EXPORT = """
			insert into case_export (case_id, requested_by, reason, requested_at) values (:caseId, :by, :reason, :now)
			returning id
			""";

	static final String EXPORTS = """
			select id, case_id, requested_by, reason, requested_at, approved_by, approved_at, downloaded_at
			from case_export where case_id = :caseId order by id desc
			""";

	static final String EXPORT = """
			select id, case_id, requested_by, reason, requested_at, approved_by, approved_at, downloaded_at
			from case_export where id = :id and case_id = :caseId
			""";

	static final String EXPORT_FOR_UPDATE = EXPORT + " for update";

	static final String APPROVE_EXPORT = """
			update case_export set approved_by = :by, approved_at = :now
			where id = :id and approved_by is null and requested_by <> :by
			""";

	static final String MARK_DOWNLOADED = """
			update case_export set downloaded_at = :now where id = :id and downloaded_at is null
			""";

	// Retention of the protected part (CaseRetentions)

	/**
	 * The one statement of the retention rule: not erased, not at risk ({@code :atRisk},
	 * the situations that are never due), safe or withdrawn, and untouched by staff (any
	 * change, keeping it included, sets {@code updated_at}) for {@code :reviewMonths}.
	 */
	private static final String DUE = """
			 (protected_erased_at is null
			and situation <> all(cast(:atRisk as text[]))
			and (situation = 'SAFE' or state = 'WITHDRAWN')
			and updated_at + make_interval(months => :reviewMonths) <= :now)
			""";

	static final String RETENTION_CLEAR = "update case_file set retention_due_since = null"
			+ " where retention_due_since is not null and not (" + DUE + ")";

	static final String RETENTION_MARK = "update case_file set retention_due_since = :now"
			+ " where retention_due_since is null and " + DUE;

	private static final String TO_ERASE = "select id from case_file where " + DUE
			+ " and retention_due_since + make_interval(months => :graceMonths) <= :now";

	static final String RETENTION_TO_ERASE = TO_ERASE + " order by id";

	/**
	 * One case to erase, claimed (and checked again) so that another instance running the
	 * job at the same time skips it, and finds it erased once it committed.
	 */
	static final String RETENTION_CLAIM = TO_ERASE + " and id = :id for update skip locked";

	static final String RETENTION_DUE = "select " + CASE_COLUMNS + """
			, updated_at, updated_at + make_interval(months => :reviewMonths) as due_at,
			coalesce(retention_due_since, cast(:now as timestamptz)) + make_interval(months => :graceMonths) as erase_on
			from case_file where (cast(:id as bigint) is null or id = :id) and""" + DUE + """
			order by due_at, id limit :limit
			""";

	/** Empties every sealed column (the columns are filled in from CaseField). */
	static final String ERASE_SEALED = "update case_file set data_key_id = null, %s where id = :id";

	static final String DELETE_ATTACHMENTS_OF_CASE = "delete from case_attachment where case_id = :caseId";

	static final String DELETE_OLD_EXPORTS = "delete from case_export where requested_at < :before";

}
