-- A source report's protected note (a witness's name, how the source was contacted), sealed before it reaches the
-- database (system.sealing): AES256-GCM under a data key of its own, bound to "report {id} protected_note". Never
-- part of the search column, the public registry, the CSV export or the JSON API; staff reveal it with a reason,
-- which the audit log records (docs/security.md). Deleting the report destroys the data key as well.
alter table source_report
    add column protected_note     bytea,
    add column protected_note_key bigint;
