-- One mail engine (issue 10): each delivery gets its Message-ID (random, the sender's domain) when it is created,
-- kept for every attempt; deliveries to a suppressed address are marked SUPPRESSED and never sent.
alter table alert_delivery add column message_id text;
alter table alert_delivery drop constraint alert_delivery_status_check;
alter table alert_delivery add constraint alert_delivery_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'SUPPRESSED'));
