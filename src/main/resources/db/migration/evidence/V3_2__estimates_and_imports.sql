-- Estimates that are not events ("about 4,000 returned a year"): never added into incident totals.
create table estimate (
    id               bigint generated always as identity primary key,
    statement        text        not null,
    measure          text        not null check (measure in ('RETURNED', 'CROSSED', 'DETAINED', 'OTHER')),
    rate             text        not null check (rate in ('PER_YEAR', 'PER_MONTH', 'TOTAL')),
    period_precision text        not null check (period_precision in ('DAY', 'MONTH', 'YEAR', 'RANGE')),
    period_from      date        not null,
    period_to        date        not null,
    figure_text      text        not null,
    figure_low       bigint check (figure_low >= 0),
    figure_high      bigint,
    figure_coding    text        not null check (figure_coding in ('PARSED', 'MANUAL', 'UNREADABLE')),
    organisation     text        not null,
    source_title     text        not null,
    url              text check (url ~* '^https?://'),
    published_on     date,
    quote            text,
    note             text,
    state            text        not null check (state in ('DRAFT', 'PUBLISHED')),
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    constraint estimate_period check (period_to >= period_from),
    constraint estimate_bounds check (
        (figure_coding = 'UNREADABLE' and figure_low is null and figure_high is null)
        or (figure_coding <> 'UNREADABLE' and figure_low is not null
            and (figure_high is null or figure_high >= figure_low)))
);

create table estimate_petition (
    estimate_id bigint not null references estimate (id) on delete cascade,
    petition_id bigint not null,
    primary key (estimate_id, petition_id)
);
create index estimate_petition_by_petition on estimate_petition (petition_id);

-- A CSV file checked in a dry run, kept until it is imported so it need not be uploaded twice.
create table evidence_import (
    id          bigint generated always as identity primary key,
    file_name   text        not null,
    content     text        not null,
    uploaded_by text        not null,
    uploaded_at timestamptz not null default now()
);
