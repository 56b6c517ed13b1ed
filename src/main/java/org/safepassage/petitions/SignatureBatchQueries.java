package org.safepassage.petitions;

/** The set-based statements behind batched signing (part of the module's SQL, kept apart for size). */
final class SignatureBatchQueries {

	/**
	 * Stores a batch of signatures in one statement. Rows for a petition that is no longer open are skipped;
	 * a repeat bumps the mail budget (and refreshes an unconfirmed token) and returns nothing once spent.
	 * Sorted so that concurrent batches take row locks in the same order.
	 */
	static final String SIGN_BATCH = """
			with input as (
			    select * from unnest(cast(:petitionIds as bigint[]), cast(:names as text[]), cast(:emails as text[]),
			                         cast(:canonicals as text[]), cast(:countries as text[]), cast(:postcodes as text[]),
			                         cast(:keepUpdated as boolean[]), cast(:locales as text[]), cast(:ips as text[]),
			                         cast(:tokenHashes as bytea[]), cast(:flagged as boolean[]), cast(:flagReasons as text[]))
			        as u(petition_id, name, email, email_canonical, country, postcode, keep_updated, locale, ip,
			             token_hash, flagged, flag_reason))
			insert into signature as s (petition_id, name, email, email_canonical, country, postcode, keep_updated,
			                            locale, ip, token_hash, token_expires_at, flagged, flag_reason)
			select i.petition_id, i.name, i.email, i.email_canonical, i.country, i.postcode, i.keep_updated, i.locale,
			       cast(i.ip as inet), i.token_hash, :expiresAt, i.flagged, i.flag_reason
			from input i
			where exists (select 1 from petition p where p.id = i.petition_id and p.state = 'OPEN'
			              and (p.closing_at is null or p.closing_at > now()))
			order by i.petition_id, i.email_canonical
			on conflict (petition_id, email_canonical) do update
			   set mails_sent = s.mails_sent + 1,
			       token_hash = case when s.confirmed_at is null then excluded.token_hash else s.token_hash end,
			       token_expires_at = case when s.confirmed_at is null then excluded.token_expires_at
			                               else s.token_expires_at end
			 where s.mails_sent < :maxMails
			returning s.petition_id, s.email_canonical, s.email, s.name, s.locale, (s.xmax = 0) as first_time,
			          s.confirmed_at is not null as confirmed""";

	/**
	 * Recent signatures per address on one petition, for the abuse limits. The lateral join makes one index
	 * lookup per address; a plain join scanned every recent signature of the petition.
	 */
	static final String RECENT_BY_IP = """
			select t.ip, r.in_burst, r.in_sustained
			from unnest(cast(:ips as text[])) as t(ip)
			cross join lateral (
			    select count(*) filter (where s.created_at > now() - make_interval(secs => :burstSeconds)) as in_burst,
			           count(*) as in_sustained
			    from signature s
			    where s.petition_id = :petitionId and s.ip = cast(t.ip as inet)
			      and s.created_at > now() - make_interval(secs => :sustainedSeconds)) r
			where r.in_sustained > 0""";

	private SignatureBatchQueries() {
	}
}
