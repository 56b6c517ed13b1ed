-- A delivery pack is the list of a closed petition's valid signatures (name, country, day), handed over as a PDF
-- and a CSV. Its SHA-256 over a canonical form (docs/delivery-pack.md) is printed on the PDF's cover and
-- published, so anyone holding the CSV can check it is the list that was delivered. Every generation is kept:
-- when, by whom, how many, which digest; chosen_at marks the one staff handed over.
create table delivery_pack (
    id           bigint generated always as identity primary key,
    petition_id  bigint      not null references petition (id),
    generated_at timestamptz not null,
    generated_by text        not null,
    signatures   bigint      not null,
    digest       char(64)    not null check (digest ~ '^[0-9a-f]{64}$'),
    chosen_at    timestamptz
);
create index delivery_pack_by_petition on delivery_pack (petition_id, id desc);

-- While a petition collects, one checkpoint a day (UTC): the valid signatures confirmed before the day ended,
-- their count and digest, chained to the day before (chain = SHA-256 of previous chain, day, count, digest).
-- A later change to a past signature no longer matches its checkpoints. One row per petition and day, so
-- several instances cannot record a day twice.
create table signature_checkpoint (
    petition_id bigint      not null references petition (id),
    day         date        not null,
    signatures  bigint      not null,
    digest      char(64)    not null,
    chain       char(64)    not null,
    recorded_at timestamptz not null,
    primary key (petition_id, day)
);
