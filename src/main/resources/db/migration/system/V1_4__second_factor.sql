-- A second factor for staff (Spring Security's schemas for PostgreSQL; names are emails, so up to 254).
-- Passkeys: the WebAuthn user handle of each account, and each account's credentials.
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(254)  not null,
    display_name varchar(254)
);

create unique index user_entities_name on user_entities (name);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);
create index user_credentials_user on user_credentials (user_entity_user_id);

-- One-time sign-in codes sent by email (the fallback second factor).
create table one_time_tokens (
    token_value varchar(36)  not null primary key,
    username    varchar(254) not null,
    expires_at  timestamp    not null
);

-- Whether every staff sign-in needs a second factor: one row, changed by an admin on the staff page.
create table security_setting (
    id                     boolean primary key default true check (id),
    second_factor_required boolean not null default false
);
insert into security_setting default values;
