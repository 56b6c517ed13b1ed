-- What Parliament has done about a campaign: dated entries staff add, shown as a timeline.
create table letters_record_entry (
    id          bigint generated always as identity primary key,
    campaign_id bigint not null references letters_campaign (id),
    day         date   not null,
    kind        text   not null check (kind in ('MOTION_TABLED', 'QUESTION_ASKED', 'DEBATE_REQUESTED', 'DEBATE_HELD',
                                                'STATEMENT', 'GOVERNMENT_RESPONSE', 'GROUP_LETTER')),
    body_name   text   not null,
    member      text   not null default '',
    link        text,
    summary     text   not null
);
create index letters_record_entry_campaign on letters_record_entry (campaign_id, day);
