-- Free resources (booklets) that staff publish and supporters order to a postal address.
create table booklet (
    id              bigint generated always as identity primary key,
    title           text        not null,
    description     text        not null,
    -- BCP 47 tags of the languages the booklet is printed in (en, ko, zh-Hans, zh-Hant ...).
    languages       text[]      not null,
    -- ISO 3166-1 alpha-2 codes of the countries it can be posted to.
    countries       text[]      not null,
    per_order_limit integer     not null check (per_order_limit between 1 and 100),
    -- Copies in hand: only a confirmed order takes from it, never below zero.
    stock           integer     not null check (stock >= 0),
    state           text        not null default 'DRAFT' check (state in ('DRAFT', 'PUBLISHED', 'UNPUBLISHED')),
    -- The cover as re-encoded by the server (JPEG, no metadata), never the uploaded bytes.
    cover           bytea,
    cover_type      text,
    demo            boolean     not null default false,
    created_by      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- One order of one booklet. The person's details (name, address, email and its hash) are removed a set time
-- after dispatch or cancellation; the row stays, with its country, language and quantity, for the counts.
create table booklet_order (
    id                       bigint generated always as identity primary key,
    booklet_id               bigint      not null references booklet (id),
    status                   text        not null check (status in ('UNCONFIRMED', 'CONFIRMED', 'DISPATCHED', 'CANCELLED')),
    quantity                 integer     not null check (quantity > 0),
    language                 text        not null,
    country                  text        not null,
    name                     text,
    address_line1            text,
    address_line2            text,
    town                     text,
    region                   text,
    postcode                 text,
    email                    text,
    -- SHA-256 of the canonical address: one mailbox, however it is written, for the duplicate rule.
    mailbox_hash             bytea,
    locale                   text        not null,
    token_hash               bytea unique,
    token_expires_at         timestamptz,
    created_at               timestamptz not null,
    confirmed_at             timestamptz,
    dispatched_at            timestamptz,
    dispatched_by            text,
    cancelled_at             timestamptz,
    cancelled_by             text,
    personal_data_removed_at timestamptz
);
create index booklet_order_to_fulfil on booklet_order (booklet_id, country, confirmed_at) where status = 'CONFIRMED';
create index booklet_order_by_mailbox on booklet_order (mailbox_hash, booklet_id) where mailbox_hash is not null;
create index booklet_order_unconfirmed on booklet_order (token_expires_at) where status = 'UNCONFIRMED';
create index booklet_order_to_forget on booklet_order (coalesce(dispatched_at, cancelled_at))
    where personal_data_removed_at is null and status in ('DISPATCHED', 'CANCELLED');

-- Order requests per client address, for the per-address limits: kept only as long as the longest window.
create table booklet_order_attempt (
    ip inet        not null,
    at timestamptz not null
);
create index booklet_order_attempt_by_ip on booklet_order_attempt (ip, at);
create index booklet_order_attempt_by_time on booklet_order_attempt (at);
