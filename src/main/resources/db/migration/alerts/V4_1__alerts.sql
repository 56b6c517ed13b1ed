-- The secret that signs preference and unsubscribe links when safepassage.alerts.link-secret is not set:
-- generated once, shared by every instance on this database.
create table alert_link_secret (
    id     smallint primary key check (id = 1),
    secret bytea not null
);

-- A dated prayer, action or news alert. Links to petitions and incidents are ids owned by other modules.
create table alert (
    id                 bigint generated always as identity primary key,
    kind               text        not null check (kind in ('PRAYER', 'ACTION', 'NEWS')),
    title              text        not null,
    alert_date         date        not null,
    language           text        not null,
    verse_text         text,
    verse_reference    text,
    body               text        not null,
    points             text[]      not null default '{}',
    petition_ids       bigint[]    not null default '{}',
    incident_ids       bigint[]    not null default '{}',
    state              text        not null check (state in ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT')),
    scheduled_at       timestamptz,
    sending_started_at timestamptz,
    sent_at            timestamptz,
    recipients         int,
    prayed             bigint      not null default 0,
    created_by         text        not null,
    created_at         timestamptz not null default now(),
    version            int         not null default 0
);
create index alert_archive on alert (language, alert_date desc, id desc) where state in ('SENDING', 'PAUSED', 'SENT');
create index alert_due on alert (scheduled_at) where state = 'SCHEDULED';

-- A supporter who asked for alerts. No account: double opt-in by email, signed links for everything else.
create table alert_subscriber (
    id                 bigint generated always as identity primary key,
    email              text        not null,
    email_key          text        not null,
    name               text,
    language           text        not null,
    topics             text[]      not null default '{}',
    -- Petitions whose news the subscriber follows (signers who ticked "keep me updated").
    campaigns          bigint[]    not null default '{}',
    state              text        not null check (state in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED', 'BOUNCING')),
    token_hash         bytea,
    token_expires_at   timestamptz,
    confirmation_mails smallint    not null default 0,
    source             text        not null,
    created_at         timestamptz not null default now(),
    confirmed_at       timestamptz,
    unsubscribed_at    timestamptz,
    bounced_at         timestamptz,
    bounce_reason      text
);
create unique index alert_subscriber_email on alert_subscriber (email_key);
create unique index alert_subscriber_token on alert_subscriber (token_hash) where token_hash is not null;
create index alert_subscriber_audience on alert_subscriber (language) where state = 'CONFIRMED';

-- One row per (alert, subscriber), created when sending starts. Claimed with FOR UPDATE SKIP LOCKED and a
-- lease; marked SENT right after the SMTP server accepts the message (or the outbox row is written).
create table alert_delivery (
    id              bigint generated always as identity primary key,
    alert_id        bigint      not null references alert (id),
    subscriber_id   bigint      not null references alert_subscriber (id),
    status          text        not null default 'PENDING'
                    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    lease_until     timestamptz,
    sent_at         timestamptz,
    last_error      text,
    constraint alert_delivery_once unique (alert_id, subscriber_id)
);
create index alert_delivery_open on alert_delivery (alert_id, id) where status in ('PENDING', 'SENDING');
