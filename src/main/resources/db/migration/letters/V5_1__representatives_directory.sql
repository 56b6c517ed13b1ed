-- The representatives directory: who represents a postcode, in which body. An area belongs to one body; a
-- region contains constituencies (a Scottish Parliament region holds several constituencies), so a postcode
-- names its smallest areas and reaches the others through parent_id. Representatives are valid for a period
-- so that a directory older than an election still answers for the day it describes.
create table letters_body (
    code       text primary key,
    name       text    not null,
    sort_order int     not null default 100
);

create table letters_area (
    id        bigint generated always as identity primary key,
    body_code text   not null references letters_body (code),
    code      text   not null,
    name      text   not null,
    parent_id bigint references letters_area (id),
    unique (body_code, code)
);

create table letters_representative (
    id             bigint generated always as identity primary key,
    area_id        bigint not null references letters_area (id),
    source_key     text   not null,
    name           text   not null,
    party          text,
    email          text,
    postal_address text,
    valid_from     date   not null,
    valid_to       date,
    demo           boolean not null default false,
    unique (area_id, source_key)
);
create index letters_representative_area on letters_representative (area_id);

-- Postcodes without spaces, upper case ("EH991SP"); one row per smallest area it lies in.
create table letters_postcode_area (
    postcode text   not null,
    area_id  bigint not null references letters_area (id) on delete cascade,
    primary key (postcode, area_id)
);

insert into letters_body (code, name, sort_order) values
    ('uk-commons', 'House of Commons', 10),
    ('scottish-parliament', 'Scottish Parliament', 20),
    ('senedd', 'Senedd Cymru', 30),
    ('ni-assembly', 'Northern Ireland Assembly', 40);
