-- Envelope encryption of protected data (system.sealing). Each sealed record has a data key of its own, stored
-- here only wrapped (encrypted) by the key-encryption key, which never enters the database. Deleting a data key
-- makes everything sealed under it unreadable for good.
create table sealing_data_key (
    id         bigint generated always as identity primary key,
    wrapped    bytea       not null,
    -- The Tink key id of the key-encryption key that wrapped it: keys wrapped by an older one are re-wrapped.
    kek_key_id bigint      not null,
    created_at timestamptz not null
);
create index sealing_data_key_by_kek on sealing_data_key (kek_key_id);

-- A known value sealed with the key-encryption key: a start with another key fails on it, clearly, before any
-- page could show garbage.
create table sealing_key_check (
    id         smallint    primary key check (id = 1),
    sealed     bytea       not null,
    created_at timestamptz not null
);
