package org.safepassage.alerts.domain;

/**
 * Every SQL statement of the alerts module. Over 300 lines because it is the module's one
 * SQL class (alerts, subscribers, deliveries, languages, link secret), in sections.
 */
public final class AlertQueries {

	// --- alerts

	static final String ALERT_COLUMNS = """
			a.id, a.kind, a.title, a.alert_date, a.language, a.verse_text, a.verse_reference, a.body, a.points,
			a.petition_ids, a.incident_ids, a.state, a.scheduled_at, a.sending_started_at, a.sent_at, a.created_by,
			a.version, a.prayed, a.recipients""";

	static final String INSERT_ALERT = """
			insert into alert (kind, title, alert_date, language, verse_text, verse_reference, body, points,
			                   petition_ids, incident_ids, state, scheduled_at, sending_started_at, sent_at, created_by)
			values (:kind, :title, :date, :language, :verseText, :verseReference, :body, :points, :petitionIds,
			        :incidentIds, :state, :scheduledAt, :startedAt, :sentAt, :createdBy)
			returning id""";

	static final String UPDATE_ALERT = """
			update alert set kind = :kind, title = :title, alert_date = :date, language = :language,
			       verse_text = :verseText, verse_reference = :verseReference, body = :body, points = :points,
			       petition_ids = :petitionIds, incident_ids = :incidentIds, state = :state,
			       scheduled_at = :scheduledAt, sending_started_at = :startedAt, sent_at = :sentAt,
			       version = version + 1
			where id = :id and version = :version""";

	static final String FIND_ALERT = "select " + ALERT_COLUMNS + " from alert a where a.id = :id";

	static final String FIND_ALERT_FOR_UPDATE = FIND_ALERT + " for update";

	static final String ANY_ALERT = "select exists (select 1 from alert)";

	static final String ADMIN_LIST = "select " + ALERT_COLUMNS
			+ " from alert a order by a.alert_date desc, a.id desc limit :limit offset :offset";

	/**
	 * Public alerts available in a language: written in it, or completely translated into
	 * it (see {@link AlertText}): title and body, the verse when there is one, the points
	 * when there are some. The translated ids come from the translations, by field.
	 */
	private static final String AVAILABLE_IN = """
			 from alert a
			where a.state in ('SENDING', 'PAUSED', 'SENT')
			  and (a.language = :language
			       or (a.id = any(cast(:titled as bigint[]))
			           and (coalesce(btrim(a.verse_text), '') = '' or a.id = any(cast(:versed as bigint[])))
			           and (cardinality(a.points) = 0 or a.id = any(cast(:pointed as bigint[])))))""";

	static final String ARCHIVE = "select " + ALERT_COLUMNS + ", count(*) over () as total" + AVAILABLE_IN + """

			order by a.alert_date desc, a.id desc limit :limit offset :offset""";

	static final String ANY_AVAILABLE = "select exists (select 1" + AVAILABLE_IN + ")";

	static final String DUE_ALERTS = "select id from alert where state = 'SCHEDULED' and scheduled_at <= :now order by scheduled_at";

	static final String SENDING_ALERTS = "select id from alert where state = 'SENDING' order by id";

	static final String PRAYED = """
			update alert set prayed = prayed + 1 where id = :id and kind = 'PRAYER'
			and state in ('SENDING', 'PAUSED', 'SENT') returning prayed""";

	static final String ADD_RECIPIENTS = "update alert set recipients = coalesce(recipients, 0) + :recipients where id = :id";

	// --- rounds of sending, one per language (LanguageRounds)

	static final String INSERT_ROUND = """
			insert into alert_send_language (alert_id, language, title, verse_text, verse_reference, body, points,
			                                 started_at, started_by, recipients)
			values (:alertId, :language, :title, :verseText, :verseReference, :body, :points, :at, :by, 0)
			on conflict do nothing""";

	static final String SET_ROUND_RECIPIENTS = """
			update alert_send_language set recipients = :recipients where alert_id = :alertId and language = :language""";

	static final String ROUNDS = """
			select language, started_at, started_by, recipients from alert_send_language
			where alert_id = :alertId order by started_at, language""";

	static final String ROUND_TEXT = """
			select title, verse_text, verse_reference, body, points from alert_send_language
			where alert_id = :alertId and language = :language""";

	// --- subscribers

	private static final String WANTS_KIND = """
			s.state = 'CONFIRMED'
			  and (:kind = any(s.topics) or (:kind = 'NEWS' and s.campaigns && cast(:petitionIds as bigint[])))""";

	static final String AUDIENCE_FILTER = " from alert_subscriber s where s.language = :language and " + WANTS_KIND;

	/**
	 * Per language, the confirmed subscribers who want this kind of alert and have not
	 * had this alert (in any language).
	 */
	static final String AUDIENCE_BY_LANGUAGE = "select s.language, count(*) as subscribers from alert_subscriber s where "
			+ WANTS_KIND
			+ """

					  and not exists (select 1 from alert_delivery d where d.alert_id = :alertId and d.subscriber_id = s.id)
					group by s.language""";

	/**
	 * The audience of one language is fixed when its round starts: one delivery per
	 * confirmed subscriber of that language who wants this kind, each with its own
	 * Message-ID (128 bits drawn from two random UUIDs, and the sender's domain) kept for
	 * every attempt. A subscriber who already has this alert (in another language, before
	 * they changed it) gets no second one.
	 */
	static final String CREATE_DELIVERIES = """
			insert into alert_delivery (alert_id, subscriber_id, message_id, language)
			select :alertId, s.id, '<' || md5(gen_random_uuid()::text || gen_random_uuid()::text) || '@' || :domain || '>',
			       :language"""
			+ AUDIENCE_FILTER + """

					order by s.id
					on conflict on constraint alert_delivery_once do nothing""";

	public static final String SUBSCRIBER_BY_EMAIL = """
			select id, state, confirmation_mails from alert_subscriber where email_key = :emailKey for update""";

	public static final String INSERT_PENDING_SUBSCRIBER = """
			insert into alert_subscriber (email, email_key, name, language, topics, state, token_hash,
			                              token_expires_at, confirmation_mails, source)
			values (:email, :emailKey, :name, :language, :topics, 'PENDING', :tokenHash,
			        :expiresAt, 1, 'form')
			on conflict (email_key) do nothing
			returning id""";

	/**
	 * Someone who left (or whose mail bounced) subscribes again: a fresh double opt-in.
	 * Links of an earlier one are forgotten.
	 */
	public static final String RENEW_SUBSCRIBER = """
			with forgotten as (delete from alert_subscriber_link where subscriber_id = :id)
			update alert_subscriber set email = :email, name = :name, language = :language, topics = :topics,
			       state = 'PENDING', token_hash = :tokenHash, token_expires_at = :expiresAt,
			       confirmation_mails = 1, campaigns = '{}'
			where id = :id""";

	/**
	 * A pending address is subscribed again: a new link, and the ones mailed before stay
	 * valid.
	 */
	public static final String REPEAT_PENDING_SUBSCRIBER = """
			with link as (
			    insert into alert_subscriber_link (token_hash, subscriber_id, expires_at)
			    values (:tokenHash, :id, :expiresAt))
			update alert_subscriber set email = :email, name = :name, language = :language, topics = :topics,
			       confirmation_mails = confirmation_mails + 1
			where id = :id""";

	public static final String COUNT_CONFIRMATION_MAIL = """
			update alert_subscriber set confirmation_mails = confirmation_mails + 1 where id = :id""";

	/** A subscriber by any of its links: the first, in its row, or a later one. */
	public static final String SUBSCRIBER_BY_TOKEN = """
			with link as (
			    select id as subscriber_id, token_expires_at as expires_at from alert_subscriber
			    where token_hash = :tokenHash
			    union all
			    select subscriber_id, expires_at from alert_subscriber_link where token_hash = :tokenHash)
			select s.id, s.state, l.expires_at as token_expires_at
			from link l join alert_subscriber s on s.id = l.subscriber_id""";

	/**
	 * Confirms a pending subscriber through any of its unexpired links, then forgets them
	 * all.
	 */
	public static final String CONFIRM_SUBSCRIBER = """
			with link as (
			    select id as subscriber_id, token_expires_at as expires_at from alert_subscriber
			    where token_hash = :tokenHash
			    union all
			    select subscriber_id, expires_at from alert_subscriber_link where token_hash = :tokenHash),
			confirmed as (
			    update alert_subscriber s set state = 'CONFIRMED', confirmed_at = now(), token_hash = null,
			           token_expires_at = null, confirmation_mails = 0
			    from link l
			    where s.id = l.subscriber_id and s.state = 'PENDING' and l.expires_at > :now
			    returning s.id),
			forgotten as (delete from alert_subscriber_link where subscriber_id in (select id from confirmed))
			select id from confirmed""";

	public static final String SUBSCRIBER = """
			select id, email, name, language, topics, campaigns, state from alert_subscriber where id = :id""";

	public static final String UPDATE_PREFERENCES = """
			update alert_subscriber set name = :name, language = :language, topics = :topics, campaigns = :campaigns
			where id = :id and state = 'CONFIRMED'""";

	public static final String UNSUBSCRIBE = """
			update alert_subscriber set state = 'UNSUBSCRIBED', unsubscribed_at = now(), token_hash = null
			where id = :id and state <> 'UNSUBSCRIBED'""";

	/**
	 * A signer who asked for updates follows the petition's news, confirmed by their
	 * signature's own opt-in. Someone who had left, or whose address bounced, comes back
	 * with this campaign only.
	 */
	public static final String SIGNER_SUBSCRIBES = """
			insert into alert_subscriber as s (email, email_key, name, language, campaigns, state, source, confirmed_at)
			values (:email, :emailKey, :name, :language, array[cast(:petitionId as bigint)], 'CONFIRMED',
			        'petition', now())
			on conflict (email_key) do update set
			    campaigns = case when s.state in ('UNSUBSCRIBED', 'BOUNCING') then array[cast(:petitionId as bigint)]
			                     when cast(:petitionId as bigint) = any(s.campaigns) then s.campaigns
			                     else s.campaigns || cast(:petitionId as bigint) end,
			    topics = case when s.state in ('UNSUBSCRIBED', 'BOUNCING') then '{}' else s.topics end,
			    confirmed_at = case when s.state = 'CONFIRMED' then s.confirmed_at else now() end,
			    state = 'CONFIRMED', token_hash = null, token_expires_at = null, confirmation_mails = 0,
			    unsubscribed_at = null, bounced_at = null, bounce_reason = null""";

	public static final String MARK_BOUNCING = """
			update alert_subscriber set state = 'BOUNCING', bounced_at = now(), bounce_reason = :reason
			where id = :id and state = 'CONFIRMED'""";

	/** An address joined the suppression list (a later bounce, a complaint, staff). */
	public static final String MARK_SUPPRESSED_BOUNCING = """
			update alert_subscriber set state = 'BOUNCING', bounced_at = :now, bounce_reason = :reason
			where email_key = :emailKey and state = 'CONFIRMED'""";

	public static final String SUBSCRIBER_COUNTS = "select state, count(*) from alert_subscriber group by state";

	// --- per-address limits on subscribing (SubscribeAttempts)

	public static final String RECENT_SUBSCRIBE_ATTEMPTS = """
			select count(*) filter (where at > :burstSince) as in_burst, count(*) as in_sustained
			from alert_subscribe_attempt where ip = cast(:ip as inet) and at > :sustainedSince""";

	public static final String RECORD_SUBSCRIBE_ATTEMPT = """
			insert into alert_subscribe_attempt (ip, at) values (cast(:ip as inet), :at)""";

	public static final String FORGET_SUBSCRIBE_ATTEMPTS = "delete from alert_subscribe_attempt where at < :before";

	// --- deliveries

	/**
	 * Claims due deliveries of alerts being sent, and deliveries whose sender died
	 * holding a lease; several workers (and instances) never claim the same row. Returns
	 * what is needed to write each mail.
	 */
	public static final String CLAIM = """
			with claimed as (
			    update alert_delivery set status = 'SENDING', attempts = attempts + 1,
			           lease_until = :now + make_interval(secs => :leaseSeconds),
			           message_id = coalesce(message_id,
			               '<' || md5(gen_random_uuid()::text || gen_random_uuid()::text) || '@' || :domain || '>')
			    where id in (select d.id from alert_delivery d
			                 where d.alert_id in (select id from alert where state = 'SENDING')
			                   and ((d.status = 'PENDING' and d.next_attempt_at <= :now)
			                        or (d.status = 'SENDING' and d.lease_until < :now))
			                 order by d.id limit :limit for update skip locked)
			    returning id, alert_id, subscriber_id, attempts, message_id, queued_at, language)
			select c.id, c.alert_id, c.subscriber_id, c.attempts, c.message_id, c.queued_at, s.email, s.name,
			       s.state as subscriber_state, coalesce(c.language, a.language) as language
			from claimed c join alert_subscriber s on s.id = c.subscriber_id join alert a on a.id = c.alert_id
			order by c.id""";

	public static final String MARK_SENT_MANY = """
			update alert_delivery set status = 'SENT', sent_at = :now, lease_until = null, last_error = null
			where id = any(cast(:ids as bigint[]))""";

	public static final String MARK_SKIPPED = """
			update alert_delivery set status = 'SKIPPED', lease_until = null where id = any(cast(:ids as bigint[]))""";

	public static final String MARK_SUPPRESSED = """
			update alert_delivery set status = 'SUPPRESSED', lease_until = null, last_error = 'Address suppressed'
			where id = any(cast(:ids as bigint[])) and status = 'SENDING'""";

	/** Temporary failures, each due again after its own delay; the attempt counts. */
	public static final String RETRY_LATER = """
			update alert_delivery d set status = 'PENDING', lease_until = null, last_error = r.error,
			       next_attempt_at = :now + make_interval(secs => r.delay)
			from unnest(cast(:ids as bigint[]), cast(:delays as double precision[]), cast(:errors as text[]))
			     as r(id, delay, error)
			where d.id = r.id and d.status = 'SENDING'""";

	/**
	 * Hands claimed deliveries back untouched (the alert was paused, or the domain is
	 * over its pace), due again after each one's delay: the attempt does not count.
	 */
	public static final String DEFER = """
			update alert_delivery d set status = 'PENDING', lease_until = null, attempts = greatest(d.attempts - 1, 0),
			       next_attempt_at = :now + make_interval(secs => r.delay)
			from unnest(cast(:ids as bigint[]), cast(:delays as double precision[])) as r(id, delay)
			where d.id = r.id and d.status = 'SENDING'""";

	public static final String MARK_FAILED = """
			update alert_delivery d set status = 'FAILED', lease_until = null, last_error = r.error
			from unnest(cast(:ids as bigint[]), cast(:errors as text[])) as r(id, error)
			where d.id = r.id and d.status = 'SENDING'""";

	/** The subscribers of hard-bounced deliveries: never mailed again. */
	public static final String MARK_BOUNCING_BY_DELIVERY = """
			update alert_subscriber s set state = 'BOUNCING', bounced_at = now(), bounce_reason = r.reason
			from unnest(cast(:ids as bigint[]), cast(:reasons as text[])) as r(id, reason)
			join alert_delivery d on d.id = r.id
			where s.id = d.subscriber_id and s.state = 'CONFIRMED'""";

	static final String ANY_OPEN_DELIVERY = """
			select exists (select 1 from alert_delivery where alert_id = :alertId and status in ('PENDING', 'SENDING'))""";

	static final String PROGRESS = """
			select count(*) as total,
			       count(*) filter (where status = 'SENT') as sent,
			       count(*) filter (where status = 'FAILED') as failed,
			       count(*) filter (where status = 'SKIPPED') as skipped,
			       count(*) filter (where status in ('PENDING', 'SENDING')) as remaining,
			       count(*) filter (where status = 'SENT' and sent_at > now() - interval '10 seconds') as last_ten_seconds,
			       min(sent_at) as first_sent_at, max(sent_at) as last_sent_at
			from alert_delivery where alert_id = :alertId""";

	// --- link secret

	public static final String CREATE_SECRET = "insert into alert_link_secret (id, secret) values (1, :secret) on conflict do nothing";

	public static final String SECRET = "select secret from alert_link_secret where id = 1";

	// --- the directory other modules read (AlertDirectory)

	private static final String DIRECTORY_COLUMNS = """
			id, title, alert_date, language, state in ('SENDING', 'PAUSED', 'SENT') as published""";

	public static final String DIRECTORY_ONE = "select " + DIRECTORY_COLUMNS + " from alert where id = :id";

	public static final String DIRECTORY_ALL = "select " + DIRECTORY_COLUMNS
			+ " from alert order by alert_date desc, id desc limit 1000";

	private AlertQueries() {
	}

}
