package org.safepassage.letters.store;

import java.util.List;

/**
 * The letters module's SQL, one section per part of the module (directory, import,
 * campaigns, letters, sending, record).
 * <p>
 * Longer than the ~300 lines a class should have, on purpose: the project keeps a
 * module's SQL in one {@code *Queries} class so that a reviewer reads every statement
 * against the schema in one place and a migration's effect on queries is found by one
 * search. It holds only string constants; splitting it by section would give the module
 * several SQL files for one schema, which is the rule this class exists to keep.
 */
public final class LettersQueries {

	// --- the representatives directory (Directory)

	public static final String BODIES = "select code, name from letters_body order by sort_order, name";

	private static final String REPRESENTATIVE_COLUMNS = """
			r.id, a.body_code, b.name as body_name, a.code as area_code, a.name as area_name, r.name, r.party,
			r.email, r.postal_address, r.valid_from, r.valid_to, r.demo""";

	/**
	 * Representatives of the areas a postcode lies in and of the areas that contain those
	 * (regions), in the given bodies, serving on the given day.
	 */
	public static final String REPRESENTATIVES_FOR_POSTCODE = """
			with recursive areas(id) as (
			    select area_id from letters_postcode_area where postcode = :postcode
			    union
			    select a.parent_id from letters_area a join areas on a.id = areas.id where a.parent_id is not null
			)
			select %s
			from areas
			join letters_area a on a.id = areas.id
			join letters_body b on b.code = a.body_code
			join letters_representative r on r.area_id = a.id
			where a.body_code = any(:bodies)
			  and r.valid_from <= :day and (r.valid_to is null or r.valid_to >= :day)
			order by b.sort_order, a.parent_id nulls last, a.name, r.name""".formatted(REPRESENTATIVE_COLUMNS);

	public static final String REPRESENTATIVE = """
			select %s
			from letters_representative r
			join letters_area a on a.id = r.area_id
			join letters_body b on b.code = a.body_code
			where r.id = :id""".formatted(REPRESENTATIVE_COLUMNS);

	public static final String POSTCODE_KNOWN = "select exists (select 1 from letters_postcode_area where postcode = :postcode)";

	public static final String REPRESENTATIVE_COUNT = "select count(*) from letters_representative";

	// --- the directory's state and staff's view of it (DirectoryAdmin)

	/**
	 * The date staff set, once it has come and the directory has not been imported since
	 * the start of that day.
	 */
	public static final String STALE_SINCE = """
			select refresh_after from letters_directory_state
			where refresh_after <= :today and (updated_at is null or updated_at < refresh_after)""";

	public static final String DIRECTORY_STATE = """
			select refresh_after, updated_at, updated_by from letters_directory_state""";

	public static final String SET_REFRESH_AFTER = "update letters_directory_state set refresh_after = :day";

	public static final String BODY_COUNTS = """
			select b.code, b.name,
			    (select count(*) from letters_area a where a.body_code = b.code) as areas,
			    (select count(*) from letters_representative r join letters_area a on a.id = r.area_id
			     where a.body_code = b.code and r.valid_from <= :day and (r.valid_to is null or r.valid_to >= :day))
			        as representatives,
			    coalesce(p.postcodes, 0) as postcodes
			from letters_body b
			left join (select a.body_code, count(*) as postcodes from letters_postcode_area pa
			           join letters_area a on a.id = pa.area_id group by a.body_code) p on p.body_code = b.code
			order by b.sort_order, b.name""";

	public static final String ADD_BODY = """
			insert into letters_body (code, name, sort_order) values (:code, :name, :sortOrder)
			on conflict (code) do nothing""";

	// --- writing the directory (demo and import)

	public static final String UPSERT_AREA = """
			insert into letters_area (body_code, code, name, parent_id) values (:body, :code, :name, :parent)
			on conflict (body_code, code) do update set name = excluded.name, parent_id = excluded.parent_id
			returning id""";

	public static final String UPSERT_REPRESENTATIVE = """
			insert into letters_representative (area_id, source_key, name, party, email, postal_address, valid_from,
			                                    valid_to, demo)
			values (:area, :sourceKey, :name, :party, :email, :postalAddress, :validFrom, :validTo, :demo)
			on conflict (area_id, source_key) do update set name = excluded.name, party = excluded.party,
			    email = excluded.email, postal_address = excluded.postal_address, valid_from = excluded.valid_from,
			    valid_to = excluded.valid_to, demo = excluded.demo
			returning id""";

	public static final String ADD_POSTCODE = """
			insert into letters_postcode_area (postcode, area_id) values (:postcode, :area)
			on conflict do nothing""";

	// --- importing the directory (letters.importing): postcodes through COPY into a
	// staging
	// table, then one swap of the whole postcode table

	/** One postcode import at a time: each rebuilds the table. */
	public static final String POSTCODE_IMPORT_LOCK = "select pg_advisory_xact_lock(hashtext('letters_postcode_import'))";

	public static final String CREATE_POSTCODE_STAGING = """
			create temp table letters_postcode_staging (postcode text not null, body_code text not null,
			    area_code text, parent_code text) on commit drop""";

	public static final String COPY_POSTCODE_STAGING = "copy letters_postcode_staging from stdin";

	/**
	 * Room for the hash tables and the index sort of a few million rows, for this
	 * transaction only.
	 */
	public static final List<String> POSTCODE_IMPORT_MEMORY = List.of("set local work_mem = '256MB'",
			"set local maintenance_work_mem = '256MB'");

	public static final String ANALYZE_POSTCODE_STAGING = "analyze letters_postcode_staging";

	/** Areas the file names that the directory does not know yet, named by their code. */
	public static final String ADD_STAGED_AREAS = """
			insert into letters_area (body_code, code, name)
			select distinct body_code, code, code from (
			    select body_code, area_code as code from letters_postcode_staging where area_code is not null
			    union all
			    select body_code, parent_code from letters_postcode_staging where parent_code is not null) codes
			on conflict (body_code, code) do nothing""";

	public static final String SET_STAGED_PARENTS = """
			update letters_area a set parent_id = p.id
			from (select distinct body_code, area_code, parent_code from letters_postcode_staging
			      where parent_code is not null) s
			join letters_area p on p.body_code = s.body_code and p.code = s.parent_code
			where a.body_code = s.body_code and a.code = s.area_code and a.parent_id is distinct from p.id""";

	public static final String CREATE_NEXT_POSTCODES = """
			create table letters_postcode_area_next (postcode text not null, area_id bigint not null)""";

	/** What the file does not speak about: other postcodes, and other bodies' areas. */
	public static final String KEEP_UNSTAGED_POSTCODES = """
			insert into letters_postcode_area_next (postcode, area_id)
			select p.postcode, p.area_id from letters_postcode_area p join letters_area a on a.id = p.area_id
			where not exists (select 1 from letters_postcode_staging s
			                  where s.postcode = p.postcode and s.body_code = a.body_code)""";

	public static final String ADD_STAGED_POSTCODES = """
			insert into letters_postcode_area_next (postcode, area_id)
			select distinct s.postcode, a.id from letters_postcode_staging s
			join letters_area a on a.body_code = s.body_code and a.code = s.area_code""";

	/**
	 * The index is built once over the loaded rows, then the new table takes the old
	 * one's place: lookups read the old table until the commit.
	 */
	public static final List<String> SWAP_POSTCODES = List.of(
			"alter table letters_postcode_area_next add constraint letters_postcode_area_next_pkey primary key (postcode, area_id)",
			"alter table letters_postcode_area_next add constraint letters_postcode_area_next_area_fkey foreign key (area_id) references letters_area (id) on delete cascade",
			"analyze letters_postcode_area_next", "drop table letters_postcode_area",
			"alter table letters_postcode_area_next rename to letters_postcode_area",
			"alter table letters_postcode_area rename constraint letters_postcode_area_next_pkey to letters_postcode_area_pkey",
			"alter table letters_postcode_area rename constraint letters_postcode_area_next_area_fkey to letters_postcode_area_area_id_fkey");

	// files of areas and representatives: a few thousand rows, one at a time

	public static final String AREAS_FOR_IMPORT = "select body_code, code, name from letters_area";

	/** Keeps the parent: a file that names areas need not repeat their regions. */
	public static final String UPSERT_IMPORTED_AREA = """
			insert into letters_area (body_code, code, name) values (:body, :code, :name)
			on conflict (body_code, code) do update set name = excluded.name""";

	public static final String SET_AREA_PARENT = """
			update letters_area set parent_id = (select id from letters_area where body_code = :body and code = :parent)
			where body_code = :body and code = :code""";

	public static final String AREA_ID = "select id from letters_area where body_code = :body and code = :code";

	/**
	 * A source without dates (TheyWorkForYou) starts a new representative today and keeps
	 * the first day of one it knew.
	 */
	public static final String UPSERT_IMPORTED_REPRESENTATIVE = """
			insert into letters_representative (area_id, source_key, name, party, email, postal_address, valid_from,
			                                    valid_to, demo)
			values (:area, :sourceKey, :name, :party, :email, :postalAddress, coalesce(cast(:validFrom as date), :today),
			        :validTo, false)
			on conflict (area_id, source_key) do update set name = excluded.name, party = excluded.party,
			    email = excluded.email, postal_address = excluded.postal_address,
			    valid_from = coalesce(cast(:validFrom as date), letters_representative.valid_from),
			    valid_to = excluded.valid_to, demo = false""";

	public static final String MARK_DIRECTORY_UPDATED = """
			update letters_directory_state set updated_at = :now, updated_by = :by""";

	// --- letter campaigns (CampaignRepository)

	private static final String CAMPAIGN_COLUMNS = """
			id, title, subject, suggested_letter, guidance, bodies, petition_ids, alert_ids, incident_ids, state,
			created_by, created_at, opened_at, closed_at, version""";

	public static final String CAMPAIGN = "select " + CAMPAIGN_COLUMNS + " from letters_campaign where id = :id";

	public static final String CAMPAIGNS_ALL = "select " + CAMPAIGN_COLUMNS
			+ " from letters_campaign order by created_at desc, id desc";

	public static final String CAMPAIGNS_IN_STATES = "select " + CAMPAIGN_COLUMNS
			+ " from letters_campaign where state = any(:states) order by opened_at desc nulls last, id desc";

	public static final String CAMPAIGNS_FOR_PETITION = "select " + CAMPAIGN_COLUMNS
			+ " from letters_campaign where state <> 'DRAFT' and :id = any(petition_ids) order by opened_at, id";

	public static final String CAMPAIGNS_FOR_ALERT = "select " + CAMPAIGN_COLUMNS
			+ " from letters_campaign where state <> 'DRAFT' and :id = any(alert_ids) order by opened_at, id";

	public static final String INSERT_CAMPAIGN = """
			insert into letters_campaign (title, subject, suggested_letter, guidance, bodies, petition_ids, alert_ids,
			                              incident_ids, state, created_by, created_at, opened_at, closed_at)
			values (:title, :subject, :suggestedLetter, :guidance, :bodies, :petitionIds, :alertIds, :incidentIds,
			        :state, :createdBy, :createdAt, :openedAt, :closedAt)
			returning id""";

	/** Optimistic: a concurrent change makes this update nothing. */
	public static final String UPDATE_CAMPAIGN = """
			update letters_campaign set title = :title, subject = :subject, suggested_letter = :suggestedLetter,
			    guidance = :guidance, bodies = :bodies, petition_ids = :petitionIds, alert_ids = :alertIds,
			    incident_ids = :incidentIds, state = :state, opened_at = :openedAt, closed_at = :closedAt,
			    version = version + 1
			where id = :id and version = :version""";

	// --- writing a letter (Writing)

	public static final String INSERT_LETTER = """
			insert into letters_letter (campaign_id, representative_id, body_code, mailbox_hash, status, name, email,
			                            postal_address, town, postcode, letter_text, locale, token_hash,
			                            token_expires_at, created_at)
			values (:campaignId, :representativeId, :bodyCode, :mailboxHash, 'UNCONFIRMED', :name, :email,
			        :postalAddress, :town, :postcode, :letterText, :locale, :tokenHash, :expiresAt, :now)""";

	/** The letters a confirmation token stands for, whatever their state. */
	public static final String LETTERS_BY_TOKEN = """
			select id, campaign_id, representative_id, body_code, mailbox_hash, status, letter_text, token_expires_at
			from letters_letter where token_hash = :tokenHash order by id""";

	/** Locks the letters of one token so that two confirmations cannot both pass. */
	public static final String LOCK_UNCONFIRMED = """
			select id, campaign_id, representative_id, mailbox_hash, letter_text
			from letters_letter where token_hash = :tokenHash and status = 'UNCONFIRMED' and token_expires_at > :now
			order by id for update""";

	/** Serialises confirmations of one campaign, representative and mailbox. */
	public static final String LOCK_MAILBOX = "select count(*) from (select pg_advisory_xact_lock(:letterKey, :mailboxKey)) l";

	public static final String ALREADY_WRITTEN = """
			select exists (select 1 from letters_letter where campaign_id = :campaignId
			    and representative_id = :representativeId and mailbox_hash = :mailboxHash
			    and status in ('QUEUED', 'HELD', 'SENT'))""";

	/**
	 * The fingerprints of the campaign's most recent letters still held in full, to find
	 * near-identical ones: a flood of copies is recent, and the bound keeps a
	 * confirmation cheap in a campaign of many thousands.
	 */
	public static final String CAMPAIGN_FINGERPRINTS = """
			select fingerprint from letters_letter
			where campaign_id = :campaignId and status in ('QUEUED', 'HELD', 'SENT') and fingerprint is not null
			order by confirmed_at desc limit 2000""";

	public static final String CONFIRM_LETTER = """
			update letters_letter set status = :status, confirmed_at = :now, fingerprint = :fingerprint
			where id = :id and status = 'UNCONFIRMED'""";

	// --- sending (LetterRelease, Review)

	public static final String RELEASE_LOCK = "select pg_try_advisory_xact_lock(hashtext('letters.release'))";

	/**
	 * Per representative, the oldest queued letter, if that representative got fewer than
	 * :perHour letters since :hourAgo and none since :spacedAgo.
	 */
	public static final String RELEASABLE = """
			select q.id from (
			    select distinct on (representative_id) id, representative_id
			    from letters_letter where status = 'QUEUED' order by representative_id, confirmed_at, id
			) q
			where (select count(*) from letters_letter s where s.representative_id = q.representative_id
			        and s.sent_at > :hourAgo) < :perHour
			  and not exists (select 1 from letters_letter s where s.representative_id = q.representative_id
			        and s.sent_at > :spacedAgo)
			order by q.id limit :limit""";

	private static final String LETTER_COLUMNS = """
			l.id, l.campaign_id, l.representative_id, l.status, l.name, l.email, l.postal_address, l.town, l.postcode,
			l.letter_text, l.locale, l.created_at, l.confirmed_at, l.sent_at, c.subject, c.title as campaign_title""";

	public static final String LETTER = "select " + LETTER_COLUMNS
			+ " from letters_letter l join letters_campaign c on c.id = l.campaign_id where l.id = :id";

	public static final String HELD_LETTERS = "select " + LETTER_COLUMNS
			+ " from letters_letter l join letters_campaign c on c.id = l.campaign_id"
			+ " where l.campaign_id = :campaignId and l.status = 'HELD' order by l.confirmed_at, l.id limit 200";

	public static final String MARK_SENT = "update letters_letter set status = 'SENT', sent_at = :now where id = :id and status = 'QUEUED'";

	public static final String REVIEW_HELD = """
			update letters_letter set status = :status
			where id = :id and campaign_id = :campaignId and status = 'HELD'""";

	// --- after sending (FollowUps, Scrubbing, statistics)

	public static final String DUE_REPLY_QUESTIONS = """
			select l.id, l.name, l.email, l.locale, l.representative_id, c.title as campaign_title
			from letters_letter l join letters_campaign c on c.id = l.campaign_id
			where l.status = 'SENT' and l.reply_asked_at is null and l.email is not null and l.sent_at <= :due
			order by l.sent_at limit :limit for update of l skip locked""";

	public static final String MARK_REPLY_ASKED = """
			update letters_letter set reply_asked_at = :now, reply_token_hash = :tokenHash where id = :id""";

	public static final String LETTER_BY_REPLY_TOKEN = """
			select l.id, l.representative_id, l.replied, c.id as campaign_id, c.title as campaign_title
			from letters_letter l join letters_campaign c on c.id = l.campaign_id
			where l.reply_token_hash = :tokenHash""";

	public static final String ANSWER_REPLY = "update letters_letter set replied = :replied where reply_token_hash = :tokenHash";

	/** Letters not sent, whose confirmation ran out, have nothing to keep. */
	public static final String DELETE_EXPIRED_UNCONFIRMED = """
			delete from letters_letter where status = 'UNCONFIRMED' and token_expires_at <= :now""";

	public static final String SCRUB = """
			update letters_letter set name = null, email = null, postal_address = null, town = null, postcode = null,
			    letter_text = null, fingerprint = null, scrubbed_at = :now
			where scrubbed_at is null and status <> 'UNCONFIRMED' and status <> 'QUEUED' and status <> 'HELD'
			  and coalesce(sent_at, confirmed_at, created_at) <= :before""";

	/**
	 * Per body the campaign targets: letters sent, replies asked about, answered, and
	 * answered yes.
	 */
	public static final String CAMPAIGN_STATISTICS = """
			select b.code, b.name,
			       count(l.id) filter (where l.status = 'SENT') as sent,
			       count(l.id) filter (where l.replied is not null) as answered,
			       count(l.id) filter (where l.replied) as replied,
			       count(l.id) filter (where l.status = 'HELD') as held
			from letters_body b
			left join letters_letter l on l.body_code = b.code and l.campaign_id = :campaignId
			where b.code = any(:bodies)
			group by b.code, b.name, b.sort_order order by b.sort_order, b.name""";

	// --- the parliamentary record (ParliamentaryRecord)

	private static final String ENTRY_COLUMNS = "id, campaign_id, day, kind, body_name, member, link, summary";

	public static final String RECORD_ENTRIES = "select " + ENTRY_COLUMNS
			+ " from letters_record_entry where campaign_id = :campaignId order by day, id";

	public static final String RECORD_ENTRY = "select " + ENTRY_COLUMNS
			+ " from letters_record_entry where id = :id and campaign_id = :campaignId";

	public static final String INSERT_RECORD_ENTRY = """
			insert into letters_record_entry (campaign_id, day, kind, body_name, member, link, summary)
			values (:campaignId, :day, :kind, :bodyName, :member, :link, :summary) returning id""";

	public static final String UPDATE_RECORD_ENTRY = """
			update letters_record_entry set day = :day, kind = :kind, body_name = :bodyName, member = :member,
			    link = :link, summary = :summary
			where id = :id and campaign_id = :campaignId""";

	public static final String CAMPAIGN_COUNT = "select count(*) from letters_campaign";

	private LettersQueries() {
	}

}
