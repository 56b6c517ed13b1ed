-- A repeat of an unconfirmed signature mails a new link, and the links mailed before keep working until each
-- expires: someone typing your address again must not take away the link you have. The first link stays in
-- signature (written with it by the signing batch); later ones, rare, are kept here.
create table signature_link (
    token_hash   bytea       primary key,
    signature_id bigint      not null references signature (id) on delete cascade,
    expires_at   timestamptz not null
);
create index signature_link_by_signature on signature_link (signature_id);
