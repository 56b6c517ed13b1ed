-- One mail engine (issue 10).
-- Message-IDs are drawn when a mail is queued (random, with the sender's domain) and kept for every attempt.
-- Mail queued before this version keeps the Message-ID it was (maybe) already sent with.
alter table mail_outbox add column message_id text;
update mail_outbox set message_id = '<outbox-' || id || '@safepassage>';
-- A person's own letter is not automated; everything the system writes is (Auto-Submitted, RFC 3834).
alter table mail_outbox add column automated boolean not null default true;

-- Mail to a suppressed address is never sent and never retried.
alter table mail_outbox drop constraint mail_outbox_status_check;
alter table mail_outbox add constraint mail_outbox_status_check
    check (status in ('pending', 'sending', 'sent', 'failed', 'suppressed'));

-- No live secrets at rest: bodies and headers (confirmation and unsubscribe links) go once a mail is settled.
update mail_outbox set text_body = '', html_body = '', headers = '{}' where status in ('sent', 'failed');

-- Claims take open rows in id order; this index keeps a claim from sorting the whole queue.
create index mail_outbox_open on mail_outbox (id) where status in ('pending', 'sending');
