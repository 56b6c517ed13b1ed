-- Subscribe requests per client address, for the per-address limits (SubscriptionLimits): kept only as long as
-- the longest window, then deleted by a job.
create table alert_subscribe_attempt (
    ip inet        not null,
    at timestamptz not null
);
create index alert_subscribe_attempt_by_ip on alert_subscribe_attempt (ip, at);
create index alert_subscribe_attempt_by_time on alert_subscribe_attempt (at);
