-- Search finds the words of an incident's translations too (issue 15): a Chinese reader's word that occurs only
-- in the zh-Hans title or summary finds the incident, in every language.
--
-- Translations live in system's content_translation. Evidence does not read that table at search time (no query
-- of one module on another's table, and no trigger binding the two): it keeps its own copy of the translated
-- text of each incident, one row per language, refreshed in the transaction that saves or removes a translation
-- (system.translations publishes TranslationSaved from ContentTranslations.save; evidence listens). The row is
-- indexed like the incident itself: English stems and CJK characters and pairs (V3_4), both by GIN.
create table incident_translation_text (
    incident_id bigint not null references incident (id) on delete cascade,
    language    text   not null check (length(language) between 2 and 20),
    title       text,
    summary     text,
    search      tsvector generated always as (
                    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('english', coalesce(summary, '')), 'B')) stored,
    cjk         text[] generated always as (
                    evidence_cjk_grams(coalesce(title, '') || ' ' || coalesce(summary, ''))) stored,
    -- A row whose fields are both removed is deleted in the same transaction.
    primary key (incident_id, language)
);
create index incident_translation_text_search on incident_translation_text using gin (search);
create index incident_translation_text_cjk on incident_translation_text using gin (cjk);

-- Translations saved before this version: copied once, here (the only read of content_translation by evidence).
insert into incident_translation_text (incident_id, language, title, summary)
select t.record_id, t.language,
       max(t.text) filter (where t.field = 'title'),
       max(t.text) filter (where t.field = 'summary')
  from content_translation t
  join incident i on i.id = t.record_id
 where t.kind = 'incident' and t.field in ('title', 'summary')
 group by t.record_id, t.language;
