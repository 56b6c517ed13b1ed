-- Temporary failures of an alert delivery are retried for a period counted from when it was queued (issue 11).
alter table alert_delivery add column queued_at timestamptz not null default now();
