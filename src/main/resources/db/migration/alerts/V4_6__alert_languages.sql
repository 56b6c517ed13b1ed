-- Issue 15: an alert goes to each subscriber in their language. A send has one round per language: the language
-- the alert was written in, each language it was fully translated into when sending started, and any language
-- translated later that staff send then. The row keeps the translated text as it was mailed (null for the
-- original, which the alert row holds and which cannot change once sent), so every instance writes the same mail
-- and a later edit of the translation changes the site, not a send under way. The primary key lets a language go
-- out once; alert_delivery_once lets a subscriber get an alert once, whatever language they change to.
create table alert_send_language (
    alert_id        bigint      not null references alert (id),
    language        text        not null,
    title           text,
    verse_text      text,
    verse_reference text,
    body            text,
    points          text[],
    started_at      timestamptz not null,
    started_by      text,
    recipients      int         not null,
    primary key (alert_id, language)
);

-- The language a delivery is written in, fixed with its audience; null (deliveries made before) is the alert's.
alter table alert_delivery add column language text;

-- Alerts already mailed from here went out in their own language.
insert into alert_send_language (alert_id, language, started_at, recipients)
select id, language, sending_started_at, recipients from alert
where recipients is not null and sending_started_at is not null;
