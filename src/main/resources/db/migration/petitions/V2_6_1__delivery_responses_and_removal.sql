-- How a closed petition was handed over (issue 13). One per petition; the photo is kept re-encoded (no
-- metadata such as GPS) in the database, so backups hold it and every instance serves it.
create table petition_delivery (
    petition_id      bigint      primary key references petition (id),
    delivered_on     date        not null,
    recipient_name   text        not null,
    recipient_office text        not null,
    method           text        not null check (method in ('IN_PERSON', 'POST', 'EMAIL')),
    notes            text,
    photo            bytea,
    photo_type       text,
    photo_etag       text,
    recorded_by      text        not null,
    recorded_at      timestamptz not null
);

-- Answers from the target or a government; a petition may get several.
create table petition_response (
    id           bigint generated always as identity primary key,
    petition_id  bigint      not null references petition (id),
    responded_on date        not null,
    responder    text        not null,
    body         text        not null,
    source_url   text,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index petition_response_by_petition on petition_response (petition_id, responded_on, id);

-- A mail to every signer who asked for updates, queued in batches by a job. The cursor is the last signature
-- id queued: each batch queues the signatures after it and moves it in the same transaction, under a row lock,
-- so a crash or a second instance never queues a signer twice.
create table petition_update (
    id           bigint generated always as identity primary key,
    petition_id  bigint      not null references petition (id),
    kind         text        not null check (kind in ('DELIVERED', 'RESPONDED')),
    response_id  bigint references petition_response (id),
    created_at   timestamptz not null,
    after_id     bigint      not null default 0,
    queued       int         not null default 0,
    finished_at  timestamptz
);
create index petition_update_unfinished on petition_update (id) where finished_at is null;
create index signature_wants_updates on signature (petition_id, id) where keep_updated;

-- A signature removed by its signer or by staff on request: the name, email, postcode and address are erased;
-- the row stays (petition, country, dates) so the counts' history stays true and its links answer "already
-- removed". A removed signature is also invalidated, so nothing counts it; it can never be restored.
alter table signature add column removed_at timestamptz;
alter table signature add column removed_by text check (removed_by in ('signer', 'staff'));
alter table signature add column removed_reason text;
alter table signature add constraint signature_removed_stays_invalid
    check (removed_at is null or invalidated_at is not null);
