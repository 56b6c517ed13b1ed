-- Staff sessions, shared by every instance (Spring Session JDBC; its own PostgreSQL schema, created here and
-- not by Spring Session's initializer). Supporters never get a session: CSRF tokens live in cookies.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        text, -- Spring Session's varchar(100) is shorter than an email may be
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Failed sign-ins of the last day, for throttling. The name typed is kept only as a SHA-256 hash (people
-- type passwords into the email field); IPv6 addresses as their /64, which one attacker holds whole.
create table sign_in_failure (
    id          bigint generated always as identity primary key,
    account_key text        not null,
    address     text        not null,
    failed_at   timestamptz not null
);
create index sign_in_failure_account on sign_in_failure (account_key, failed_at);
create index sign_in_failure_address on sign_in_failure (address, failed_at);

-- Where each account signed in successfully lately: failures from other addresses do not lock it out there.
create table sign_in_known_address (
    account_key     text        not null,
    address         text        not null,
    last_success_at timestamptz not null,
    primary key (account_key, address)
);

-- What staff did: who, when, what, which record, with what outcome. Never a request body or a protected value.
create table staff_audit (
    id      bigint generated always as identity primary key,
    at      timestamptz not null,
    actor   text,
    action  text        not null,
    record  text,
    outcome text        not null,
    address text
);
create index staff_audit_at on staff_audit (at desc, id desc);
create index staff_audit_actor on staff_audit (lower(actor), at desc);

-- Append-only: no statement can change or remove what was recorded; dropping the trigger takes DDL, which the
-- application never runs.
create function staff_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'staff_audit is append-only';
end
$$;
create trigger staff_audit_no_update_or_delete before update or delete on staff_audit
    for each row execute function staff_audit_refuse_change();
create trigger staff_audit_no_truncate before truncate on staff_audit
    for each statement execute function staff_audit_refuse_change();
