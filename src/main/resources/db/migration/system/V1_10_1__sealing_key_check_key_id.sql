-- Which key of the key-encryption keyset sealed the key check. Each start re-seals the check under its primary key,
-- so "sealing retire-old-keys" can tell that SafePassage already runs with the rotated key before it lets an old
-- key go (docs/operations.md, "The sealing key").
alter table sealing_key_check add column kek_key_id bigint;
