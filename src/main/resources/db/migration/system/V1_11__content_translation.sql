-- Translations of content staff wrote (a petition's title, an alert's body...), field by field, beside the
-- original, which stays in its own table in the default language. A module names its records by a kind
-- ("petition") and declares the fields (system.translations.TranslatableKind). No row: not yet translated.
create table content_translation (
    kind       text        not null check (length(kind) between 1 and 40),
    record_id  bigint      not null,
    field      text        not null check (length(field) between 1 and 40),
    language   text        not null check (length(language) between 2 and 20),
    text       text        not null check (length(text) between 1 and 20000),
    updated_by text        not null,
    updated_at timestamptz not null,
    primary key (kind, record_id, field, language)
);
