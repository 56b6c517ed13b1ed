-- Staff who run campaigns. Supporters never have accounts.
create table staff_account (
    id                   bigint generated always as identity primary key,
    email                text        not null,
    display_name         text        not null,
    password_hash        text        not null,
    roles                text[]      not null,
    must_change_password boolean     not null default false,
    enabled              boolean     not null default true,
    created_at           timestamptz not null default now()
);
create unique index staff_account_email on staff_account (lower(email));

-- Transactional outbox: a mail is written here in the same transaction as the action that causes it,
-- and a worker sends it later. Message-ID derives from id, so a receiver can drop a rare resend.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    headers         jsonb       not null default '{}',
    category        text        not null,
    created_at      timestamptz not null default now(),
    status          text        not null default 'pending'
                    check (status in ('pending', 'sending', 'sent', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    lease_until     timestamptz,
    sent_at         timestamptz,
    last_error      text
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status in ('pending', 'sending');
create index mail_outbox_recent on mail_outbox (id desc);
