-- A signature can stop counting (invalidated by staff, removed by its signer) and start again (restored).
-- Such changes queue a row with delta -1 or +1 beside the confirmations (+1), so the one folding job keeps
-- the counts and no petition row becomes a hot spot; the recount excludes invalidated signatures.
alter table signature_count_pending add column delta smallint not null default 1 check (delta in (-1, 1));

alter table signature add column invalidated_at timestamptz;
alter table signature add column invalidated_reason text;
