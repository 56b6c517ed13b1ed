-- Tags take part in full-text search; array_to_string is only STABLE, so wrap it for a generated column.
create function evidence_words(words text[]) returns text
    language sql immutable parallel safe
    as $$ select coalesce(array_to_string(words, ' '), '') $$;

create table incident (
    id                bigint generated always as identity primary key,
    kind              text        not null
                      check (kind in ('FORCED_REPATRIATION', 'ARREST', 'DETENTION', 'TRANSFER', 'EXECUTION', 'OTHER')),
    title             text        not null,
    date_precision    text        not null check (date_precision in ('DAY', 'MONTH', 'YEAR', 'RANGE')),
    date_from         date        not null,
    date_to           date        not null,
    place             text        not null,
    place_precision   text        not null check (place_precision in ('CITY', 'PROVINCE', 'BORDER_AREA', 'COUNTRY')),
    departure_country char(2)     not null,
    return_country    char(2)     not null,
    summary           text        not null,
    tags              text[]      not null default '{}',
    state             text        not null check (state in ('DRAFT', 'PUBLISHED')),
    -- A researcher's own figure replaces the one derived from the reports; the note says why.
    override_low      bigint,
    override_best     bigint,
    override_high     bigint,
    override_note     text,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    published_at      timestamptz,
    search            tsvector generated always as (
                          setweight(to_tsvector('english', title), 'A') ||
                          setweight(to_tsvector('english', summary), 'B') ||
                          setweight(to_tsvector('english', place || ' ' || evidence_words(tags)), 'C')) stored,
    constraint incident_dates check (date_to >= date_from),
    constraint incident_override check (
        (override_low is null and override_best is null and override_high is null and override_note is null)
        or (override_low >= 0 and override_low <= override_best and override_best <= override_high
            and override_note is not null))
);
create index incident_public on incident (state, date_from desc, id desc);
create index incident_search on incident using gin (search);

-- One report per source and incident: the figure exactly as written, and the bounds read from it.
create table source_report (
    id            bigint generated always as identity primary key,
    incident_id   bigint      not null references incident (id) on delete cascade,
    organisation  text        not null,
    title         text        not null,
    url           text check (url ~* '^https?://'),
    published_on  date,
    figure_text   text        not null,
    figure_low    bigint check (figure_low >= 0),
    figure_high   bigint,
    figure_coding text        not null check (figure_coding in ('PARSED', 'MANUAL', 'UNREADABLE')),
    quote         text,
    reliability   text        not null check (reliability in ('RELIABLE', 'PROBABLE', 'UNCONFIRMED')),
    note          text,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    search        tsvector generated always as (
                      to_tsvector('english', organisation || ' ' || title || ' ' || coalesce(quote, ''))) stored,
    constraint source_report_bounds check (
        (figure_coding = 'UNREADABLE' and figure_low is null and figure_high is null)
        or (figure_coding <> 'UNREADABLE' and figure_low is not null
            and (figure_high is null or figure_high >= figure_low)))
);
create unique index source_report_one_per_source on source_report (incident_id, lower(organisation));
create index source_report_search on source_report using gin (search);

-- Petitions live in another module: ids are checked through its directory, not by a foreign key.
create table incident_petition (
    incident_id bigint not null references incident (id) on delete cascade,
    petition_id bigint not null,
    primary key (incident_id, petition_id)
);
create index incident_petition_by_petition on incident_petition (petition_id);
