-- Confirmation-type mails (signature confirmations, "already signed", subscription confirmations, "already
-- subscribed") per mailbox and day, from all public forms together, so that one mailbox gets at most a few
-- whatever is typed into the forms. For counting only: the mailbox is kept as an HMAC-SHA-256 of its
-- canonical address, never the address, and days before yesterday are deleted by a job (MailboxCap).
create table mailbox_day (
    day     date   not null,
    mailbox bytea  not null,
    mails   bigint not null,
    primary key (day, mailbox)
);

-- The HMAC's key: made once per database, so every instance counts a mailbox alike.
create table mailbox_key (
    id     smallint primary key check (id = 1),
    secret bytea    not null
);
insert into mailbox_key (id, secret)
values (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
