package org.safepassage.system.mail;

final class MailQueries {

	static final String ENQUEUE = """
			insert into mail_outbox (recipient, subject, text_body, html_body, headers, category, message_id, automated)
			values (:recipient, :subject, :text, :html, cast(:headers as jsonb), :category, :messageId, :automated)""";

	static final String ENQUEUE_MANY = """
			insert into mail_outbox (recipient, subject, text_body, html_body, headers, category, message_id, automated)
			select r, s, t, h, cast(j as jsonb), c, i, a
			from unnest(cast(:recipients as text[]), cast(:subjects as text[]), cast(:texts as text[]),
			            cast(:htmls as text[]), cast(:headers as text[]), cast(:categories as text[]),
			            cast(:messageIds as text[]), cast(:automated as boolean[]))
			     as m(r, s, t, h, j, c, i, a)""";

	static final String COUNT_BY_STATUS = "select status, count(*) from mail_outbox group by status";

	static final String COUNT_BY_STATUS_OF_CATEGORY = """
			select status, count(*) from mail_outbox where category = :category group by status""";

	// --- the cap per mailbox (MailboxCap)

	static final String MAILBOX_KEY = "select secret from mailbox_key where id = 1";

	/**
	 * Adds each mailbox's new mails to its count of the day, in one statement for a whole
	 * batch, and returns the new counts. Sorted so that concurrent batches lock rows in
	 * the same order.
	 */
	static final String COUNT_MAILBOX_MAILS = """
			insert into mailbox_day as d (day, mailbox, mails)
			select :day, m, n from unnest(cast(:mailboxes as bytea[]), cast(:counts as bigint[])) as t(m, n)
			order by m
			on conflict (day, mailbox) do update set mails = d.mails + excluded.mails
			returning d.mailbox, d.mails""";

	static final String FORGET_EARLIER_DAYS = "delete from mailbox_day where day < :yesterday";

	// --- the suppression list (Suppressions)

	static final String SUPPRESS = """
			insert into mail_suppression (mailbox, address, reason, source, detail, created_at)
			values (:mailbox, :address, :reason, :source, :detail, :now)
			on conflict (mailbox) do nothing""";

	static final String SUPPRESSED_AMONG = "select mailbox from mail_suppression where mailbox = any(:mailboxes)";

	static final String LIFT_SUPPRESSION = "delete from mail_suppression where mailbox = :mailbox";

	static final String SUPPRESSION_PAGE = """
			select mailbox, address, reason, source, detail, created_at from mail_suppression
			where (:search = '' or mailbox like '%' || :search || '%')
			order by created_at desc, mailbox limit :limit""";

	// --- what staff read of the outbox (OutboxArchive): metadata, and a body only for
	// the zero-setup demo without SMTP

	static final String STAFF_OUTBOX_PAGE = """
			select id, recipient, subject, category, status, attempts, created_at, sent_at, last_error,
			       message_id
			from mail_outbox where id < :before order by id desc limit :limit""";

	static final String STAFF_OUTBOX_MAIL = """
			select id, recipient, subject, text_body, html_body, category, status, attempts, created_at, sent_at,
			       last_error, message_id
			from mail_outbox where id = :id""";

	// --- mail that waits (issue 11): the queue's age, and sending a failed mail again

	/** Mail not yet handed to the server, through the partial index on open mail. */
	static final String QUEUE = "select count(*), min(queued_at) from mail_outbox where status in ('pending', 'sending')";

	static final String SUPPRESSIONS_BY_REASON = "select reason, count(*) from mail_suppression group by reason";

	/** Only failed mail that still has its body; the retry period starts anew. */
	static final String SEND_AGAIN = """
			update mail_outbox set status = 'pending', attempts = 0, next_attempt_at = :now, queued_at = :now,
			       ended_at = null, last_error = null
			where id = :id and status = 'failed' and text_body <> ''""";

	private MailQueries() {
	}

}
