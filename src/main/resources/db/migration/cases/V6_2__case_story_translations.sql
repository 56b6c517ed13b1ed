-- Case stories in other languages (issue 15). A translation is part of the public part staff edit: it is
-- published only inside the approved copy ("published", key "storyTranslations": language tag to text), after a
-- second staff member approved it, exactly like the story itself. The generic content_translation table is not
-- used for cases: what is saved there is public at once.
alter table case_file add column story_translations jsonb not null default '{}';

-- The text the public search reads: the approved pseudonym, story and story translations, nothing else.
create function case_published_text(published jsonb) returns text
    language sql immutable parallel safe
    as $$
    select coalesce(published ->> 'pseudonym', '') || ' ' || coalesce(published ->> 'story', '') || ' '
           || coalesce((select string_agg(t.text, ' ' order by t.language)
                          from jsonb_each_text(case when jsonb_typeof(published -> 'storyTranslations') = 'object'
                                                    then published -> 'storyTranslations' else '{}' end)
                               as t(language, text)), '')
    $$;

-- Words separated by spaces (English, Korean words with their particles) through the tsvector; Korean and
-- Chinese words by their characters and pairs of characters, as evidence search does (V3_4__cjk_search.sql).
alter table case_file drop column search;
alter table case_file add column search tsvector generated always as (
    to_tsvector('simple', case_published_text(published))) stored;
create index case_file_search on case_file using gin (search);
alter table case_file add column cjk text[] generated always as (evidence_cjk_grams(case_published_text(published))) stored;
create index case_file_cjk on case_file using gin (cjk);
