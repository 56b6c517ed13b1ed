-- Protected case files (module cases). A case has a public part, shown only once a second staff member approved
-- it, and a protected part that is stored only sealed (system.sealing: AES256-GCM under the case's own data key,
-- bound to "case <id> <field>"). No column here holds a protected value in plain text, and the search column
-- covers the published public part only.
create table case_number_counter (
    year integer primary key,
    last integer not null
);

create table case_file (
    id                     bigint generated always as identity primary key,
    -- C-2026-0001, for staff
    number                 text        not null unique,
    -- The public address (/cases/{slug}): random, so drafts cannot be counted or guessed.
    slug                   text        not null unique,
    data_key_id            bigint      not null references sealing_data_key (id),
    state                  text        not null,
    -- The public part as staff edit it: public only once approved (copied to "published").
    pseudonym              text        not null,
    age_band               text,
    gender                 text,
    situation              text        not null,
    situation_since        date,
    last_heard_on          date,
    story                  text        not null,
    incident_ids           bigint[]    not null default '{}',
    petition_ids           bigint[]    not null default '{}',
    alert_ids              bigint[]    not null default '{}',
    letter_campaign_ids    bigint[]    not null default '{}',
    -- The approved public part (PublicCase as JSON), null while nothing is public. Only this is ever shown.
    published              jsonb,
    review_requested_by    text,
    review_requested_at    timestamptz,
    published_by           text,
    published_at           timestamptz,
    withdrawn_at           timestamptz,
    -- Protected part: sealed bytes only.
    real_name              bytea,
    other_names            bytea,
    birth_date             bytea,
    family                 bytea,
    contacts               bytea,
    exact_places           bytea,
    notes                  bytea,
    created_by             text        not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                integer     not null default 0,
    search                 tsvector generated always as (
        to_tsvector('simple', coalesce(published ->> 'pseudonym', '') || ' ' || coalesce(published ->> 'story', ''))
    ) stored
);
create index case_file_search on case_file using gin (search);
create index case_file_published on case_file (published_at desc) where published is not null;
-- Which published cases speak for a petition, incident, alert or letter campaign (the approved links).
create index case_file_published_links on case_file using gin (published jsonb_path_ops);

-- Documents and photos: name, media type and bytes sealed; only the size is plain.
create table case_attachment (
    id            bigint generated always as identity primary key,
    case_id       bigint      not null references case_file (id) on delete cascade,
    sealed_name   bytea       not null,
    sealed_type   bytea       not null,
    sealed_bytes  bytea       not null,
    size          integer     not null,
    added_by      text        not null,
    added_at      timestamptz not null
);
create index case_attachment_by_case on case_attachment (case_id);

-- Exports of the protected part: asked for with a reason, approved by someone else, downloaded once in a window.
create table case_export (
    id             bigint generated always as identity primary key,
    case_id        bigint      not null references case_file (id) on delete cascade,
    requested_by   text        not null,
    reason         text        not null,
    requested_at   timestamptz not null,
    approved_by    text,
    approved_at    timestamptz,
    downloaded_at  timestamptz
);
create index case_export_by_case on case_export (case_id);
