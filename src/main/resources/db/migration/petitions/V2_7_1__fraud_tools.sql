-- Fraud tools (issue 13). Staff can stop one petition collecting for a while; the petition stays open.
alter table petition add column paused_at timestamptz;

-- Each bulk invalidation is one batch, kept with its criteria, so it can be undone as one action.
create table signature_invalidation (
    id               bigint generated always as identity primary key,
    petition_id      bigint      not null references petition (id),
    criteria         text        not null,
    reason           text        not null,
    invalidated_by   text        not null,
    invalidated_at   timestamptz not null,
    signatures       int         not null default 0,
    stopped_counting int         not null default 0,
    restored_by      text,
    restored_at      timestamptz,
    restored         int
);
create index signature_invalidation_by_petition on signature_invalidation (petition_id, id desc);

alter table signature add column invalidation_id bigint references signature_invalidation (id);
create index signature_by_invalidation on signature (invalidation_id) where invalidation_id is not null;
-- The fraud page and time-window invalidation read one petition's recent signatures.
create index signature_by_time on signature (petition_id, created_at);

-- Staff's allow and block lists (the operator's allow-list property stays beside them). An address range or
-- an email domain (with its subdomains); allowed ones skip the per-address limits, blocked ones are refused.
create table signing_rule (
    id         bigint generated always as identity primary key,
    kind       text        not null check (kind in ('ALLOW', 'BLOCK')),
    subject    text        not null check (subject in ('RANGE', 'DOMAIN')),
    value      text        not null,
    note       text,
    created_by text        not null,
    created_at timestamptz not null,
    unique (subject, value)
);

-- The share of a window's signatures above which a bucket is highlighted on a petition's fraud page, when
-- staff set one for that petition (otherwise the default of safepassage.petitions.fraud).
create table signature_watch (
    petition_id     bigint primary key references petition (id),
    highlight_share smallint not null check (highlight_share between 1 and 100)
);
