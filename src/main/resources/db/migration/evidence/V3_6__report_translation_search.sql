-- Sources' reports are translated too (issue 15: title, quote, note; the organisation keeps its own spelling).
-- Their title and quote are searched (V3_1, V3_4), so their translations are searched as well, the same way as
-- incidents' (V3_5): evidence keeps its own copy, one row per report and language, refreshed in the
-- transaction that saves or removes a translation, and indexed by English stems and CJK characters and pairs.
-- The note is not searched in the original, so it is not copied here.
create table report_translation_text (
    report_id bigint not null references source_report (id) on delete cascade,
    language  text   not null check (length(language) between 2 and 20),
    title     text,
    quote     text,
    search    tsvector generated always as (
                  to_tsvector('english', coalesce(title, '') || ' ' || coalesce(quote, ''))) stored,
    cjk       text[] generated always as (
                  evidence_cjk_grams(coalesce(title, '') || ' ' || coalesce(quote, ''))) stored,
    -- A row whose fields are both removed is deleted in the same transaction.
    primary key (report_id, language)
);
create index report_translation_text_search on report_translation_text using gin (search);
create index report_translation_text_cjk on report_translation_text using gin (cjk);
