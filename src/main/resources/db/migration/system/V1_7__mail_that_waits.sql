-- Mail that waits out an outage (issue 11): temporary failures are retried for a period (5 days by default)
-- counted from queued_at, which an admin's "send again" of a failed mail starts anew. Failed mail keeps its
-- body until ended_at + keep-failed, so it can be sent again, then it is erased.
alter table mail_outbox add column queued_at timestamptz;
update mail_outbox set queued_at = created_at;
alter table mail_outbox alter column queued_at set not null;
alter table mail_outbox alter column queued_at set default now();
alter table mail_outbox add column ended_at timestamptz;
update mail_outbox set ended_at = coalesce(sent_at, created_at) where status in ('failed', 'suppressed');
