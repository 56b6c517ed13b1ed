-- Korean and Chinese words in evidence search (issue 15). English stemming splits words at spaces and
-- punctuation only, so "강제송환" or "中国强制遣返朝鲜难民" is one token and a search for 송환 or 遣返 found
-- nothing. Each run of CJK characters is cut into its single characters and overlapping pairs of characters
-- (bigrams, the usual approach for CJK search); a GIN index over them answers "which rows hold every pair of
-- the query" without reading the table, and the query then checks that the words themselves occur.
-- Independent of the database's locale: pg_trgm would need a ctype that knows Hangul, and cannot use its
-- index for two-character words, the common length of a Korean or Chinese word.

-- The characters searched this way: Hangul (jamo, compatibility jamo, syllables), kana, CJK ideographs
-- (extension A, unified, compatibility).
create function evidence_cjk_pattern() returns text
    language sql immutable parallel safe
    as $$ select '[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+' $$;

-- What a text is indexed by: every character and every pair of neighbouring characters of its CJK runs.
create function evidence_cjk_grams(t text) returns text[]
    language sql immutable parallel safe
    as $$
    select coalesce(array_agg(distinct gram), '{}')
      from regexp_matches(coalesce(t, ''), evidence_cjk_pattern(), 'g') as run(chars),
           lateral (select substr(run.chars[1], i, 1) from generate_series(1, char_length(run.chars[1])) as i
                    union all
                    select substr(run.chars[1], i, 2) from generate_series(1, char_length(run.chars[1]) - 1) as i)
               as grams(gram)
    $$;

-- What a query looks for: the pairs of its CJK runs (a one-character run: the character). Empty when the
-- query has no CJK characters.
create function evidence_cjk_query(q text) returns text[]
    language sql immutable parallel safe
    as $$
    select coalesce(array_agg(distinct substr(run.chars[1], i, 2)), '{}')
      from regexp_matches(coalesce(q, ''), evidence_cjk_pattern(), 'g') as run(chars),
           lateral generate_series(1, greatest(char_length(run.chars[1]) - 1, 1)) as i
    $$;

-- Whether every CJK run of the query occurs in the text as it is (the pairs alone may be far apart).
create function evidence_cjk_contains(t text, q text) returns boolean
    language sql immutable parallel safe
    as $$
    select not exists (select 1 from regexp_matches(coalesce(q, ''), evidence_cjk_pattern(), 'g') as run(chars)
                        where strpos(coalesce(t, ''), run.chars[1]) = 0)
    $$;

alter table incident
    add column cjk text[] generated always as (
        evidence_cjk_grams(title || ' ' || summary || ' ' || place || ' ' || evidence_words(tags))) stored;
create index incident_cjk on incident using gin (cjk);

alter table source_report
    add column cjk text[] generated always as (
        evidence_cjk_grams(organisation || ' ' || title || ' ' || coalesce(quote, ''))) stored;
create index source_report_cjk on source_report using gin (cjk);
