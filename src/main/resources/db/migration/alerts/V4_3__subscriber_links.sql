-- Someone subscribing an address that is still pending mails it a new link, and the links mailed before keep
-- working until each expires: typing someone's address again must not take away the link they have. The first
-- link stays in alert_subscriber; later ones are kept here, and all are forgotten once one confirms.
create table alert_subscriber_link (
    token_hash    bytea       primary key,
    subscriber_id bigint      not null references alert_subscriber (id) on delete cascade,
    expires_at    timestamptz not null
);
create index alert_subscriber_link_by_subscriber on alert_subscriber_link (subscriber_id);
