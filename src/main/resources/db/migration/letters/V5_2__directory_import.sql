-- Importing the directory. The date staff set after which the directory counts as out of date (an election, a
-- boundary review), and when it was last imported: one row.
create table letters_directory_state (
    id            boolean primary key default true check (id),
    refresh_after date,
    updated_at    timestamptz,
    updated_by    text
);
insert into letters_directory_state (id) values (true);

-- Where a representative came from, so that a re-import of the same source updates instead of duplicating.
comment on column letters_representative.source_key is
    'Stable key in its source: twfy:<person id>, dc:<person id>, or the native file''s own key';

-- A postcode import loads a whole file (2.7 million postcodes) and replaces the table in one swap; lookups read
-- the old table until then. Areas get created from the codes in a postcode file, named later by an area file.
create index letters_area_body on letters_area (body_code);
