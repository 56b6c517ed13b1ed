-- One list of mailboxes the system never mails again, whatever module would write to them: hard bounces,
-- complaints (reported by SMTP refusals, bounce reports read from a mailbox, or a provider's webhook) and
-- addresses staff add. Keyed by the canonical address (CanonicalEmail) so that every spelling of one
-- mailbox is caught. The address is kept readable because staff must see and edit the list; nothing else
-- about the person is kept here.
create table mail_suppression (
    mailbox    text        primary key,
    address    text        not null,
    reason     text        not null check (reason in ('HARD_BOUNCE', 'COMPLAINT', 'ADDED_BY_STAFF')),
    source     text        not null,
    detail     text,
    created_at timestamptz not null
);
create index mail_suppression_recent on mail_suppression (created_at desc);
