-- Letter campaigns: what staff ask supporters to write, to which bodies, and what it concerns. Links to
-- petitions, alerts and incidents are ids of the other modules' records (read through their public APIs), not
-- foreign keys: each module owns its tables.
create table letters_campaign (
    id               bigint generated always as identity primary key,
    title            text        not null,
    subject          text        not null,
    suggested_letter text        not null,
    guidance         text        not null default '',
    bodies           text[]      not null,
    petition_ids     bigint[]    not null default '{}',
    alert_ids        bigint[]    not null default '{}',
    incident_ids     bigint[]    not null default '{}',
    state            text        not null check (state in ('DRAFT', 'OPEN', 'CLOSED')),
    created_by       text        not null,
    created_at       timestamptz not null,
    opened_at        timestamptz,
    closed_at        timestamptz,
    version          int         not null default 0
);

-- One row per letter: a supporter writing to two members makes two rows that share one confirmation token.
-- The constituent's details and the text are removed (set null) some weeks after sending; the row, its body and
-- its outcome stay for the counts, and mailbox_hash (SHA-256 of the canonical address) keeps the one-letter rule.
create table letters_letter (
    id                bigint generated always as identity primary key,
    campaign_id       bigint      not null references letters_campaign (id),
    representative_id bigint      not null references letters_representative (id),
    body_code         text        not null,
    mailbox_hash      bytea       not null,
    status            text        not null
        check (status in ('UNCONFIRMED', 'QUEUED', 'HELD', 'SENT', 'REJECTED', 'REPEAT')),
    name              text,
    email             text,
    postal_address    text,
    town              text,
    postcode          text,
    letter_text       text,
    fingerprint       int[],
    locale            text        not null default 'en',
    token_hash        bytea       not null,
    token_expires_at  timestamptz not null,
    created_at        timestamptz not null,
    confirmed_at      timestamptz,
    sent_at           timestamptz,
    reply_token_hash  bytea unique,
    reply_asked_at    timestamptz,
    replied           boolean,
    scrubbed_at       timestamptz
);
create index letters_letter_token on letters_letter (token_hash);
create index letters_letter_queued on letters_letter (representative_id, confirmed_at) where status = 'QUEUED';
create index letters_letter_sent on letters_letter (representative_id, sent_at) where sent_at is not null;
create index letters_letter_campaign on letters_letter (campaign_id, status);
-- At most one letter per campaign, representative and mailbox, however often the same person confirms.
create unique index letters_one_letter on letters_letter (campaign_id, representative_id, mailbox_hash)
    where status in ('QUEUED', 'HELD', 'SENT');
