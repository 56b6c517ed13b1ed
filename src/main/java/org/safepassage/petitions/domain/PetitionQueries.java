package org.safepassage.petitions.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every SQL statement of the petitions module, one section per part (petitions, signing,
 * counting, fraud tools, delivery packs and checkpoints, delivery and updates, removal,
 * milestones and charts, retention).
 * <p>
 * Longer than the ~300 lines a class should have, on purpose, as {@code LettersQueries}
 * is: a module's SQL stays in one {@code *Queries} class so a reviewer reads every
 * statement against the schema in one place. It holds only string constants.
 */
public final class PetitionQueries {

	public static final String PETITION_COLUMNS = """
			id, title, background, demands, target, signature_goal, closing_at, state, rejection_reason,
			hidden_reason, delivery_note, created_by, created_at, submitted_at, opened_at, closed_at, delivered_at,
			paused_at, hidden_at, version""";

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
			       delivered_at = :deliveredAt, paused_at = :pausedAt, hidden_at = :hiddenAt, version = version + 1
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

	public static final String HAS_SIGNATURES = "select exists (select 1 from signature where petition_id = :id)";

	/**
	 * A confirmed signature of the demo campaign (example.org addresses, no client
	 * address), queued for counting like a confirmation.
	 */
	public static final String DEMO_SIGNATURE = """
			with signed as (
			    insert into signature (petition_id, name, email, email_canonical, country, keep_updated, locale,
			                           created_at, confirmed_at, token_hash, token_expires_at)
			    values (:petitionId, :name, :email, :email, :country, :keepUpdated, :locale, :signedAt, :signedAt,
			            sha256(convert_to(:email, 'UTF8')), :signedAt)
			    on conflict (petition_id, email_canonical) do nothing
			    returning petition_id, country)
			insert into signature_count_pending (petition_id, country) select petition_id, country from signed""";

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
			              and p.paused_at is null and (p.closing_at is null or p.closing_at > :now))
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
			select id from petition where id = any(:ids) and state = 'OPEN' and paused_at is null
			  and (closing_at is null or closing_at > :now)""";

	/**
	 * A signature by any of its links: the first, in its row, or a later one. A removed
	 * signature is not found.
	 */
	public static final String FIND_BY_TOKEN = """
			with link as (
			    select id as signature_id, token_expires_at as expires_at from signature where token_hash = :tokenHash
			    union all
			    select signature_id, expires_at from signature_link where token_hash = :tokenHash)
			select s.id, s.petition_id, s.confirmed_at, l.expires_at as token_expires_at
			from link l join signature s on s.id = l.signature_id
			where s.removed_at is null""";

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
			where s.id = l.signature_id and s.confirmed_at is null and s.removed_at is null and l.expires_at > :now
			  and exists (select 1 from petition p where p.id = s.petition_id and p.state = 'OPEN'
			              and p.paused_at is null and (p.closing_at is null or p.closing_at > :now))
			returning s.id, s.petition_id, s.country, s.flagged, s.invalidated_at is not null as invalidated, s.email, s.name, s.locale, s.keep_updated,
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

	// --- delivery packs and daily checkpoints (petitions.pack, docs/delivery-pack.md)

	/**
	 * The canonical list: valid signatures (confirmed, not flagged, not invalidated)
	 * confirmed before {@code :before} (null: all), in confirmation order. Read through a
	 * cursor, never all at once.
	 */
	public static final String PACK_ROWS = """
			select name, country, confirmed_at from signature
			where petition_id = :petitionId and confirmed_at is not null
			  and confirmed_at < coalesce(cast(:before as timestamptz), 'infinity')
			  and not flagged and invalidated_at is null
			order by confirmed_at, id""";

	public static final String PACK_COLUMNS = """
			id, petition_id, generated_at, generated_by, signatures, digest, chosen_at""";

	public static final String INSERT_PACK = """
			insert into delivery_pack (petition_id, generated_at, generated_by, signatures, digest)
			values (:petitionId, :generatedAt, :generatedBy, :signatures, :digest)
			returning id""";

	public static final String PACKS_OF_PETITION = "select " + PACK_COLUMNS
			+ " from delivery_pack where petition_id = :petitionId order by id desc limit :limit";

	public static final String FIND_PACK = "select " + PACK_COLUMNS
			+ " from delivery_pack where id = :packId and petition_id = :petitionId";

	public static final String INSERT_PACK_DOWNLOAD = """
			insert into delivery_pack_download (pack_id, format, downloaded_by, downloaded_at, address)
			values (:packId, :format, :by, :at, :address)""";

	/** The latest downloads of a petition's packs, newest first. */
	public static final String PACK_DOWNLOADS = """
			select d.pack_id, p.generated_at, d.format, d.downloaded_by, d.downloaded_at, d.address
			from delivery_pack_download d join delivery_pack p on p.id = d.pack_id
			where p.petition_id = :petitionId
			order by d.id desc limit :limit""";

	/** The pack staff chose when recording the delivery, else the latest one. */
	public static final String PUBLISHED_PACK = "select " + PACK_COLUMNS + """
			 from delivery_pack where petition_id = :petitionId
			order by chosen_at desc nulls last, id desc limit 1""";

	public static final String CHOOSE_PACK = """
			update delivery_pack set chosen_at = :now where id = :packId and petition_id = :petitionId""";

	/** One instance at a time works on a petition's packs or checkpoints. */
	public static final String TRY_PETITION_LOCK = "select pg_try_advisory_xact_lock(:kind, cast(:petitionId as int))";

	/**
	 * Petitions that collected signatures during the days before {@code :before}, with
	 * the day after their last checkpoint.
	 */
	public static final String CHECKPOINT_CANDIDATES = """
			select p.id, p.opened_at, p.closed_at,
			       (select max(c.day) from signature_checkpoint c where c.petition_id = p.id) as last_day
			from petition p
			where p.opened_at is not null and p.opened_at < :before
			  and (p.state = 'OPEN' or (p.state in ('CLOSED', 'DELIVERED') and p.closed_at >= :since))
			order by p.id""";

	public static final String LAST_CHECKPOINT = """
			select day, chain from signature_checkpoint where petition_id = :petitionId order by day desc limit 1""";

	public static final String INSERT_CHECKPOINT = """
			insert into signature_checkpoint (petition_id, day, signatures, digest, chain, recorded_at)
			values (:petitionId, :day, :signatures, :digest, :chain, :recordedAt)
			on conflict (petition_id, day) do nothing""";

	public static final String CHECKPOINTS = """
			select day, signatures, digest, chain, recorded_at from signature_checkpoint
			where petition_id = :petitionId order by day""";

	// --- fraud tools (staff): stats, bulk invalidation, allow and block lists

	/** An address's block as the fraud page groups it: IPv4 /24, IPv6 /48. */
	private static final String BLOCK = "network(set_masklen(s.ip, case family(s.ip) when 4 then 24 else 48 end))";

	private static final String DOMAIN = "split_part(s.email_canonical, '@', 2)";

	/**
	 * One petition's signatures since {@code :from}, grouped three ways, the largest
	 * groups of each first; one scan of the petition's recent signatures.
	 */
	public static final String WATCH_BUCKETS = """
			with w as (
			    select cast(%s as text) as block, %s as domain, s.country, s.flagged
			    from signature s where s.petition_id = :id and s.created_at >= :from),
			groups as (
			    select 'block' as kind, block as value, count(*) as n, count(*) filter (where flagged) as flagged
			    from w where block is not null group by block
			    union all
			    select 'domain', domain, count(*), count(*) filter (where flagged) from w group by domain
			    union all
			    select 'country', country, count(*), count(*) filter (where flagged) from w group by country),
			ranked as (select *, row_number() over (partition by kind order by n desc, value) as r from groups)
			select kind, value, n, flagged from ranked where r <= :top order by kind, n desc, value""".formatted(BLOCK,
			DOMAIN);

	public static final String WATCH_TOTALS = """
			select count(*) as n, count(*) filter (where s.flagged) as flagged,
			       count(*) filter (where s.invalidated_at is not null) as invalidated
			from signature s where s.petition_id = :id and s.created_at >= :from""";

	private static final String SUSPECT_WHERE = """
			from signature s
			where s.petition_id = :id and s.created_at >= :from
			  and (s.flagged or cast(%s as text) = any(cast(:blocks as text[])) or %s = any(cast(:domains as text[]))
			       or s.country = any(cast(:countries as text[])))""".formatted(BLOCK, DOMAIN);

	/** The flagged signatures and those in highlighted groups, newest first. */
	public static final String SUSPECTS = """
			select s.id, s.name, s.email_canonical, s.country, s.created_at, s.confirmed_at is not null as confirmed,
			       s.flag_reason, s.invalidated_at is not null as invalidated, cast(%s as text) as block, %s as domain
			%s
			order by s.created_at desc, s.id desc limit :limit offset :offset""".formatted(BLOCK, DOMAIN,
			SUSPECT_WHERE);

	public static final String COUNT_SUSPECTS = "select count(*) " + SUSPECT_WHERE;

	public static final String WATCH_SHARE = "select highlight_share from signature_watch where petition_id = :id";

	public static final String SET_WATCH_SHARE = """
			insert into signature_watch (petition_id, highlight_share) values (:id, :share)
			on conflict (petition_id) do update set highlight_share = excluded.highlight_share""";

	/**
	 * What a bulk invalidation matches: every criterion given, together; a signature
	 * already invalidated is never matched again.
	 */
	private static final String MATCHING = """
			from signature s
			where s.petition_id = :id and s.invalidated_at is null
			  and (cast(:ip as inet) is null or s.ip = cast(:ip as inet))
			  and (cast(:range as cidr) is null or s.ip <<= cast(:range as cidr))
			  and (cast(:domain as text) is null or %s = :domain or %s like '%%.' || :domain)
			  and (cast(:email as text) is null or s.email_canonical = :email)
			  and (cast(:country as text) is null or s.country = :country)
			  and (cast(:from as timestamptz) is null or s.created_at >= :from)
			  and (cast(:until as timestamptz) is null or s.created_at < :until)""".formatted(DOMAIN, DOMAIN);

	/** Counting: confirmed, not over the per-address limits, not invalidated. */
	public static final String PREVIEW_COUNT = """
			select count(*) as n, count(*) filter (where s.confirmed_at is not null and not s.flagged) as counting
			""" + MATCHING;

	public static final String PREVIEW_SAMPLE = """
			select s.id, s.name, s.email_canonical, s.country, s.created_at, s.confirmed_at is not null as confirmed,
			       s.flag_reason, false as invalidated, cast(%s as text) as block, %s as domain
			%s
			order by s.created_at desc, s.id desc limit :limit""".formatted(BLOCK, DOMAIN, MATCHING);

	public static final String INSERT_INVALIDATION = """
			insert into signature_invalidation (petition_id, criteria, reason, invalidated_by, invalidated_at)
			values (:id, :criteria, :reason, :actor, :now) returning id""";

	/**
	 * Invalidates what matches in one statement, and queues -1 for each that was
	 * counting; returns how many matched and how many stopped counting.
	 */
	public static final String INVALIDATE = """
			with hit as (
			    update signature s set invalidated_at = :now, invalidated_reason = :reason, invalidation_id = :batch
			    where s.id in (select s.id %s)
			      and s.invalidated_at is null
			    returning s.country, s.confirmed_at is not null and not s.flagged as counting),
			queued as (
			    insert into signature_count_pending (petition_id, country, delta)
			    select :id, country, -1 from hit where counting
			    returning 1)
			select (select count(*) from hit) as n, (select count(*) from queued) as counting""".formatted(MATCHING);

	public static final String RECORD_INVALIDATED = """
			update signature_invalidation set signatures = :n, stopped_counting = :counting where id = :batch""";

	/**
	 * Restores a batch once: the signatures still in it count again (+1 each that is
	 * confirmed and not flagged), except those their signers removed meanwhile, which
	 * stay erased and uncounted.
	 */
	public static final String MARK_RESTORED = """
			update signature_invalidation set restored_by = :actor, restored_at = :now
			where id = :batch and petition_id = :id and restored_at is null""";

	public static final String RESTORE = """
			with back as (
			    update signature s set invalidated_at = null, invalidated_reason = null, invalidation_id = null
			    where s.invalidation_id = :batch and s.petition_id = :id and s.removed_at is null
			    returning s.country, s.confirmed_at is not null and not s.flagged as counting),
			queued as (
			    insert into signature_count_pending (petition_id, country, delta)
			    select :id, country, 1 from back where counting
			    returning 1)
			select (select count(*) from back) as n, (select count(*) from queued) as counting""";

	public static final String RECORD_RESTORED = "update signature_invalidation set restored = :n where id = :batch";

	public static final String INVALIDATIONS = """
			select id, criteria, reason, invalidated_by, invalidated_at, signatures, stopped_counting, restored_by,
			       restored_at, restored
			from signature_invalidation where petition_id = :id order by id desc limit 100""";

	public static final String SIGNING_RULES = """
			select id, kind, subject, value, note, created_by, created_at from signing_rule order by subject, value""";

	/** A range is stored as its network ({@code 10.1.2.3/24} as {@code 10.1.2.0/24}). */
	public static final String INSERT_SIGNING_RULE = """
			insert into signing_rule (kind, subject, value, note, created_by, created_at)
			values (:kind, :subject, :value, :note, :actor, :now)
			on conflict (subject, value) do nothing returning id""";

	public static final String DELETE_SIGNING_RULE = """
			delete from signing_rule where id = :id returning kind, subject, value""";

	// --- delivery, responses and the updates mailed to signers (issue 13)

	public static final String INSERT_DELIVERY = """
			insert into petition_delivery (petition_id, delivered_on, recipient_name, recipient_office, method, notes,
			                               photo, photo_type, photo_etag, recorded_by, recorded_at)
			values (:petitionId, :deliveredOn, :recipientName, :recipientOffice, :method, :notes, :photo, :photoType,
			        :photoEtag, :recordedBy, :now)""";

	public static final String FIND_DELIVERY = """
			select delivered_on, recipient_name, recipient_office, method, notes, photo_etag
			from petition_delivery where petition_id = :petitionId""";

	public static final String DELIVERY_PHOTO = """
			select photo, photo_type, photo_etag from petition_delivery where petition_id = :petitionId and photo is not null""";

	public static final String INSERT_RESPONSE = """
			insert into petition_response (petition_id, responded_on, responder, body, source_url, recorded_by,
			                               recorded_at)
			values (:petitionId, :respondedOn, :responder, :body, :sourceUrl, :recordedBy, :now)
			returning id""";

	public static final String RESPONSES = """
			select id, responded_on, responder, body, source_url from petition_response
			where petition_id = :petitionId order by responded_on, id""";

	public static final String FIND_RESPONSE = """
			select id, responded_on, responder, body, source_url from petition_response where id = :id""";

	public static final String INSERT_UPDATE = """
			insert into petition_update (petition_id, kind, response_id, created_at)
			values (:petitionId, :kind, :responseId, :now)""";

	public static final String UNFINISHED_UPDATES = """
			select id from petition_update where finished_at is null order by id limit 100""";

	/**
	 * The update to queue the next batch of; held until that batch commits, passed by
	 * anyone else (another instance takes the next update meanwhile).
	 */
	public static final String LOCK_UPDATE = """
			select id, petition_id, kind, response_id, after_id from petition_update
			where id = :id and finished_at is null
			for update skip locked""";

	/**
	 * The signers an update goes to, after the cursor: they asked for updates, confirmed,
	 * and were neither flagged, invalidated nor removed.
	 */
	public static final String UPDATE_RECIPIENTS = """
			select id, name, email, locale from signature
			where petition_id = :petitionId and keep_updated and id > :afterId
			  and confirmed_at is not null and not flagged and invalidated_at is null and removed_at is null
			order by id
			limit :limit""";

	public static final String ADVANCE_UPDATE = """
			update petition_update
			set after_id = :afterId, queued = queued + :queued, capped = capped + :capped, finished_at = :finishedAt
			where id = :id""";

	public static final String UPDATES_OF_PETITION = """
			select u.id, u.kind, u.created_at, u.queued, u.capped, u.finished_at, r.responder
			from petition_update u left join petition_response r on r.id = u.response_id
			where u.petition_id = :petitionId
			order by u.id""";

	// --- removing a signature (by its signer through a mailed link, or by staff)

	/** A signature by any link ever mailed for it, expired or not. */
	public static final String FIND_BY_ANY_LINK = """
			with link as (
			    select id as signature_id from signature where token_hash = :tokenHash
			    union all
			    select signature_id from signature_link where token_hash = :tokenHash)
			select s.id, s.petition_id, s.removed_at is not null as removed
			from link l join signature s on s.id = l.signature_id
			limit 1""";

	/**
	 * Erases what identifies the signer and says whether the signature counted before;
	 * the row keeps its petition, country and dates. Once only.
	 */
	public static final String ERASE_SIGNATURE = """
			with old as (
			    select id, confirmed_at is not null and not flagged and invalidated_at is null as counted
			    from signature where id = :id and removed_at is null
			    for update)
			update signature s
			set name = '', email = '', email_canonical = 'removed:' || s.id, postcode = null, ip = null,
			    keep_updated = false, removed_at = :now, removed_by = :by, removed_reason = :reason,
			    invalidated_at = coalesce(s.invalidated_at, :now),
			    invalidated_reason = coalesce(s.invalidated_reason, 'removed')
			from old
			where s.id = old.id
			returning s.petition_id, s.country, old.counted""";

	public static final String UNCOUNT = """
			insert into signature_count_pending (petition_id, country, delta) values (:petitionId, :country, -1)""";

	/**
	 * For staff answering a request; PostgreSQL skips through the (petition, email)
	 * index.
	 */
	public static final String SIGNATURES_BY_EMAIL = """
			select s.id, s.petition_id, p.title, s.country, s.created_at, s.confirmed_at
			from signature s join petition p on p.id = s.petition_id
			where s.email_canonical = :canonical and s.removed_at is null
			order by s.created_at desc
			limit 100""";

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

	/**
	 * Petitions delivered, or closed and never delivered, or hidden and never closed,
	 * before {@code :before}.
	 */
	public static final String PETITIONS_TO_ERASE = """
			select id from petition
			where personal_data_erased_at is null and state in ('CLOSED', 'DELIVERED', 'HIDDEN')
			  and coalesce(delivered_at, closed_at, hidden_at) < :before
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
