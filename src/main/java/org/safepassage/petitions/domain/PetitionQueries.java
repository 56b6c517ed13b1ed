package org.safepassage.petitions.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Every SQL statement of the petitions module. */
public final class PetitionQueries {

	public static final String PETITION_COLUMNS = """
			id, title, background, demands, target, signature_goal, closing_at, state, rejection_reason,
			hidden_reason, delivery_note, created_by, created_at, submitted_at, opened_at, closed_at, delivered_at,
			version""";

	public static final String FIND_PETITION = "select " + PETITION_COLUMNS + " from petition where id = :id";

	public static final String INSERT_PETITION = """
			insert into petition (title, background, demands, target, signature_goal, closing_at, state,
			                      created_by, created_at)
			values (:title, :background, :demands, :target, :goal, :closingAt, :state, :createdBy, :createdAt)
			returning id""";

	/**
	 * Optimistic: a concurrent change (another moderator, the closing job) makes this
	 * update nothing.
	 */
	public static final String UPDATE_PETITION = """
			update petition set title = :title, background = :background, demands = :demands, target = :target,
			       signature_goal = :goal, closing_at = :closingAt, state = :state,
			       rejection_reason = :rejectionReason, hidden_reason = :hiddenReason, delivery_note = :deliveryNote,
			       submitted_at = :submittedAt, opened_at = :openedAt, closed_at = :closedAt,
			       delivered_at = :deliveredAt, version = version + 1
			where id = :id and version = :version""";

	public static final String LIST_BY_STATE = """
			select p.id, p.title, p.target, p.signature_goal, p.closing_at, p.state, p.opened_at,
			       coalesce((select sum(c.confirmed) from signature_count c where c.petition_id = p.id), 0) as signatures
			from petition p where p.state = any(:states)
			order by coalesce(p.opened_at, p.created_at) desc, p.id desc
			limit :limit offset :offset""";

	public static final String COUNT_BY_STATE = "select count(*) from petition where state = any(:states)";

	public static final String DIRECTORY_ONE = "select id, title, state from petition where id = :id";

	public static final String DIRECTORY_ALL = "select id, title, state from petition order by id";

	public static final String DIRECTORY_DEMO = """
			select id, title, state from petition where created_by = 'demo' order by id limit 1""";

	public static final String ANY_PETITION = "select exists (select 1 from petition)";

	public static final String DUE_TO_CLOSE = """
			select id from petition where state = 'OPEN' and closing_at <= :now order by closing_at limit 100""";

	// --- signatures (stored in batches by SignatureBatcher)

	/**
	 * Stores a batch of signatures in one statement. Rows for a petition that is no
	 * longer open are skipped; a repeat bumps the mail budget (its stored link is left
	 * alone) and returns nothing once spent. Sorted so that concurrent batches take row
	 * locks in the same order.
	 */
	public static final String SIGN_BATCH = """
			with input as (
			    select * from unnest(cast(:petitionIds as bigint[]), cast(:names as text[]), cast(:emails as text[]),
			                         cast(:canonicals as text[]), cast(:countries as text[]), cast(:postcodes as text[]),
			                         cast(:keepUpdated as boolean[]), cast(:locales as text[]), cast(:ips as text[]),
			                         cast(:tokenHashes as bytea[]), cast(:flagged as boolean[]), cast(:flagReasons as text[]))
			        as u(petition_id, name, email, email_canonical, country, postcode, keep_updated, locale, ip,
			             token_hash, flagged, flag_reason))
			insert into signature as s (petition_id, name, email, email_canonical, country, postcode, keep_updated,
			                            locale, ip, token_hash, token_expires_at, flagged, flag_reason, created_at)
			select i.petition_id, i.name, i.email, i.email_canonical, i.country, i.postcode, i.keep_updated, i.locale,
			       cast(i.ip as inet), i.token_hash, :expiresAt, i.flagged, i.flag_reason, :now
			from input i
			where exists (select 1 from petition p where p.id = i.petition_id and p.state = 'OPEN'
			              and (p.closing_at is null or p.closing_at > :now))
			order by i.petition_id, i.email_canonical
			on conflict (petition_id, email_canonical) do update
			   set mails_sent = s.mails_sent + 1
			 where s.mails_sent < :maxMails
			returning s.id, s.petition_id, s.email_canonical, s.email, s.name, s.locale, (s.xmax = 0) as first_time,
			          s.confirmed_at is not null as confirmed, s.flagged""";

	/**
	 * The new links that repeats of unconfirmed signatures mail; the earlier ones stay
	 * valid.
	 */
	public static final String INSERT_LINKS = """
			insert into signature_link (token_hash, signature_id, expires_at)
			select h, id, :expiresAt from unnest(cast(:tokenHashes as bytea[]), cast(:signatureIds as bigint[])) as l(h, id)""";

	/**
	 * Recent signatures per address on one petition, for the abuse limits. The lateral
	 * join makes one index lookup per address; a plain join scanned every recent
	 * signature of the petition.
	 */
	public static final String RECENT_BY_IP = """
			select t.ip, r.in_burst, r.in_sustained
			from unnest(cast(:ips as text[])) as t(ip)
			cross join lateral (
			    select count(*) filter (where s.created_at > :now - make_interval(secs => :burstSeconds)) as in_burst,
			           count(*) as in_sustained
			    from signature s
			    where s.petition_id = :petitionId and s.ip = cast(t.ip as inet)
			      and s.created_at > :now - make_interval(secs => :sustainedSeconds)) r
			where r.in_sustained > 0""";

	public static final String OPEN_AMONG = """
			select id from petition where id = any(:ids) and state = 'OPEN'
			  and (closing_at is null or closing_at > :now)""";

	/** A signature by any of its links: the first, in its row, or a later one. */
	public static final String FIND_BY_TOKEN = """
			with link as (
			    select id as signature_id, token_expires_at as expires_at from signature where token_hash = :tokenHash
			    union all
			    select signature_id, expires_at from signature_link where token_hash = :tokenHash)
			select s.id, s.petition_id, s.confirmed_at, l.expires_at as token_expires_at
			from link l join signature s on s.id = l.signature_id""";

	/**
	 * Single use: only an unconfirmed signature on a petition still open is confirmed,
	 * through any of its unexpired links.
	 */
	public static final String CONFIRM = """
			with link as (
			    select id as signature_id, token_expires_at as expires_at from signature where token_hash = :tokenHash
			    union all
			    select signature_id, expires_at from signature_link where token_hash = :tokenHash)
			update signature s set confirmed_at = :now
			from link l
			where s.id = l.signature_id and s.confirmed_at is null and l.expires_at > :now
			  and exists (select 1 from petition p where p.id = s.petition_id and p.state = 'OPEN'
			              and (p.closing_at is null or p.closing_at > :now))
			returning s.id, s.petition_id, s.country, s.flagged, s.email, s.name, s.locale, s.keep_updated,
			          s.confirmed_at""";

	public static final String QUEUE_COUNT = """
			insert into signature_count_pending (petition_id, country) values (:petitionId, :country)""";

	// --- counting

	public static final String COUNTS_FOR_PETITION = """
			select country, confirmed from signature_count where petition_id = :id and confirmed > 0
			order by confirmed desc, country""";

	public static final String TRY_COUNT_LOCK = "select pg_try_advisory_xact_lock(:key)";

	/**
	 * Folds queued confirmations into the counts in one statement: the rows it takes are
	 * the rows it adds.
	 */
	public static final String FOLD_PENDING_COUNTS = """
			with taken as (
			    delete from signature_count_pending
			    where id in (select id from signature_count_pending order by id limit :limit)
			    returning petition_id, country, delta),
			grouped as (select petition_id, country, sum(delta) as n from taken group by petition_id, country)
			insert into signature_count (petition_id, country, confirmed)
			select petition_id, country, n from grouped
			on conflict (petition_id, country) do update set confirmed = signature_count.confirmed + excluded.confirmed""";

	public static final String DROP_PENDING_COUNTS = "delete from signature_count_pending";

	public static final String CURRENT_COUNTS = "select petition_id, country, confirmed from signature_count";

	public static final String TRUE_COUNTS = """
			select petition_id, country, count(*) as confirmed from signature
			where confirmed_at is not null and not flagged and invalidated_at is null
			group by petition_id, country""";

	public static final String DELETE_COUNTS = "delete from signature_count";

	public static final String INSERT_COUNT = """
			insert into signature_count (petition_id, country, confirmed) values (:petitionId, :country, :confirmed)""";

	// --- milestones

	public static final String MILESTONES = """
			select id, signatures, description from petition_milestone where petition_id = :petitionId
			order by signatures""";

	public static final String COUNT_MILESTONES = "select count(*) from petition_milestone where petition_id = :petitionId";

	/** Nothing is added when the petition already has a milestone at that count. */
	public static final String INSERT_MILESTONE = """
			insert into petition_milestone (petition_id, signatures, description, created_at)
			values (:petitionId, :signatures, :description, :now)
			on conflict (petition_id, signatures) do nothing""";

	public static final String DELETE_MILESTONE = """
			delete from petition_milestone where id = :id and petition_id = :petitionId""";

	// --- charts

	/**
	 * Counted signatures (as the recount counts them) per UTC day of confirmation, from
	 * {@code :since}.
	 */
	public static final String CONFIRMED_PER_DAY = """
			select cast(confirmed_at at time zone 'UTC' as date) as day, count(*) as signatures
			from signature
			where petition_id = :petitionId and confirmed_at >= :since and not flagged and invalidated_at is null
			group by 1 order by 1""";

	// --- retention (batches of :limit rows, each its own short transaction; SKIP LOCKED
	// lets
	// several instances share the work without waiting on each other)

	public static final String FORGET_ADDRESSES = """
			update signature set ip = null
			where id in (select id from signature where ip is not null and created_at < :before
			             order by created_at limit :limit for update skip locked)""";

	/** Petitions delivered (or closed and never delivered) before {@code :before}. */
	public static final String PETITIONS_TO_ERASE = """
			select id from petition
			where personal_data_erased_at is null and state in ('CLOSED', 'DELIVERED', 'HIDDEN')
			  and coalesce(delivered_at, closed_at) < :before
			order by id""";

	public static final String SIGNATURE_SPAN_OF_PETITION = """
			select coalesce(min(id), 0) as first, coalesce(max(id), -1) as last from signature
			where petition_id = :petitionId and erased_at is null""";

	/**
	 * Name, e-mail and postcode go; country, dates and the counted state stay, so counts
	 * and charts do not change. The canonical e-mail becomes a placeholder no address can
	 * equal (it has no @), unique per row as the constraint wants.
	 */
	public static final String ERASE_SIGNATURES = """
			update signature s set name = '', email = '', email_canonical = '#erased-' || s.id, postcode = null,
			       ip = null, keep_updated = false, erased_at = :now
			where s.id in (select id from signature where petition_id = :petitionId and id >= :from and id < :to
			               and erased_at is null for update skip locked)""";

	public static final String MARK_PETITION_ERASED = """
			update petition set personal_data_erased_at = :now
			where id = :petitionId and personal_data_erased_at is null
			  and not exists (select 1 from signature where petition_id = :petitionId and erased_at is null)""";

	public static final String PERSONAL_DATA_ERASED_AT = """
			select personal_data_erased_at from petition where id = :petitionId""";

	public static final String SIGNATURE_SPAN = """
			select coalesce(min(id), 0) as first, coalesce(max(id), -1) as last from signature""";

	/**
	 * Unconfirmed signatures whose every link has expired: they never counted. Their
	 * later links go with them (on delete cascade).
	 */
	public static final String DELETE_EXPIRED_UNCONFIRMED = """
			delete from signature where id in (
			    select s.id from signature s
			    where s.id >= :from and s.id < :to and s.confirmed_at is null and s.token_expires_at < :now
			      and not exists (select 1 from signature_link l where l.signature_id = s.id and l.expires_at >= :now)
			    for update skip locked)""";

	/**
	 * An instant as a {@code timestamptz} parameter (such as {@code :now}), typed so that
	 * {@code :now - interval} needs no cast. Every query takes the time from the
	 * application's clock, never from the database's {@code now()}.
	 */
	public static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private PetitionQueries() {
	}

}
