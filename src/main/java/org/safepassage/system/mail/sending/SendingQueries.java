package org.safepassage.system.mail.sending;

/** SQL of the mail engine and of the outbox as one of its sources. */
final class SendingQueries {

	/** For claims and marks: see {@code safepassage.mail.durable-marks}. */
	static final String RELAXED_COMMIT = "set local synchronous_commit to off";

	/**
	 * Claims due mail, and mail whose sender died holding a lease; several workers never
	 * claim the same row. Mail queued without a Message-ID (by SQL) gets one now, kept
	 * from then on.
	 */
	static final String CLAIM = """
			update mail_outbox set status = 'sending', attempts = attempts + 1,
			       lease_until = :now + make_interval(secs => :leaseSeconds),
			       message_id = coalesce(message_id,
			           '<' || md5(gen_random_uuid()::text || gen_random_uuid()::text) || '@' || :domain || '>')
			where id in (select id from mail_outbox
			             where status in ('pending', 'sending')
			               and ((status = 'pending' and next_attempt_at <= :now)
			                    or (status = 'sending' and lease_until < :now))
			             order by id limit :limit for update skip locked)
			returning id, recipient, message_id, attempts, subject, text_body, html_body, headers::text as headers,
			          automated, queued_at""";

	/**
	 * Accepted by the server: what could carry a live link is erased in the same mark.
	 */
	static final String MARK_SENT = """
			update mail_outbox set status = 'sent', sent_at = :now, lease_until = null, last_error = null,
			       text_body = '', html_body = '', headers = '{}'
			where id = any(cast(:ids as bigint[]))""";

	static final String RETRY_LATER = """
			update mail_outbox m set status = 'pending', lease_until = null, last_error = r.error,
			       next_attempt_at = :now + make_interval(secs => r.delay)
			from unnest(cast(:ids as bigint[]), cast(:delays as double precision[]), cast(:errors as text[]))
			     as r(id, delay, error)
			where m.id = r.id and m.status = 'sending'""";

	/** Handed back untouched (over its domain's pace): the attempt does not count. */
	static final String DEFER = """
			update mail_outbox m set status = 'pending', lease_until = null, attempts = greatest(m.attempts - 1, 0),
			       next_attempt_at = :now + make_interval(secs => r.delay)
			from unnest(cast(:ids as bigint[]), cast(:delays as double precision[])) as r(id, delay)
			where m.id = r.id and m.status = 'sending'""";

	/**
	 * Failed or suppressed for good. Suppressed mail is erased at once; failed mail keeps
	 * its body for {@code keep-failed}, so an admin can send it again
	 * ({@code ERASE_FAILED}).
	 */
	static final String MARK_ENDED = """
			update mail_outbox m set status = r.status, lease_until = null, last_error = r.error, ended_at = :now,
			       text_body = case when r.status = 'suppressed' then '' else m.text_body end,
			       html_body = case when r.status = 'suppressed' then '' else m.html_body end,
			       headers = case when r.status = 'suppressed' then '{}' else m.headers end
			from unnest(cast(:ids as bigint[]), cast(:statuses as text[]), cast(:errors as text[]))
			     as r(id, status, error)
			where m.id = r.id and m.status = 'sending'""";

	static final String ERASE_FAILED = """
			update mail_outbox set text_body = '', html_body = '', headers = '{}'
			where status = 'failed' and ended_at < :before and text_body <> ''""";

	private SendingQueries() {
	}

}
