-- Every download of a pack's PDF or CSV: each holds every signer's name, so staff (and the audit log) see who
-- took which file of which pack, when and from which client address. Kept as long as the pack, as the audit
-- log keeps staff addresses.
create table delivery_pack_download (
    id            bigint generated always as identity primary key,
    pack_id       bigint      not null references delivery_pack (id),
    format        text        not null check (format in ('PDF', 'CSV')),
    downloaded_by text        not null,
    downloaded_at timestamptz not null,
    address       text
);
create index delivery_pack_download_by_pack on delivery_pack_download (pack_id, id desc);
