create table petition (
    id               bigint generated always as identity primary key,
    title            text        not null,
    background       text        not null,
    demands          text[]      not null,
    target           text        not null,
    signature_goal   int check (signature_goal > 0),
    closing_at       timestamptz,
    state            text        not null
                     check (state in ('DRAFT', 'SUBMITTED', 'OPEN', 'CLOSED', 'DELIVERED', 'REJECTED', 'HIDDEN')),
    rejection_reason text,
    hidden_reason    text,
    delivery_note    text,
    created_by       text        not null,
    created_at       timestamptz not null,
    submitted_at     timestamptz,
    opened_at        timestamptz,
    closed_at        timestamptz,
    delivered_at     timestamptz,
    version          int         not null default 0
);
create index petition_state on petition (state, opened_at desc);

-- One row per signer and petition; the email is compared in its canonical form.
create table signature (
    id               bigint generated always as identity primary key,
    petition_id      bigint      not null references petition (id),
    name             text        not null,
    email            text        not null,
    email_canonical  text        not null,
    country          char(2)     not null,
    postcode         text,
    keep_updated     boolean     not null default false,
    locale           text        not null,
    ip               inet,
    created_at       timestamptz not null default now(),
    confirmed_at     timestamptz,
    token_hash       bytea       not null,
    token_expires_at timestamptz not null,
    mails_sent       smallint    not null default 1,
    flagged          boolean     not null default false,
    flag_reason      text,
    constraint signature_once_per_email unique (petition_id, email_canonical)
);
create unique index signature_token on signature (token_hash);
create index signature_by_ip on signature (petition_id, ip, created_at);

-- Confirmed signatures per petition and country. Never updated per signature: confirmations append to
-- signature_count_pending and one job folds them in, so no petition row becomes a hot spot.
create table signature_count (
    petition_id bigint  not null references petition (id),
    country     char(2) not null,
    confirmed   bigint  not null,
    primary key (petition_id, country)
);

create table signature_count_pending (
    id          bigint generated always as identity primary key,
    petition_id bigint  not null,
    country     char(2) not null
);
