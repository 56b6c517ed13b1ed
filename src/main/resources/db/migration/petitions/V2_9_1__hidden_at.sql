-- When a petition was hidden. A petition hidden while open has neither closed_at nor delivered_at, so the
-- retention job, which counts from those, never erased its signers' details. It now counts from hidden_at when
-- the petition was never closed. Petitions hidden before this column existed get the day of this migration: the
-- day they were hidden is not known, and erasing from an earlier guess could surprise staff who still need a pack.
alter table petition add column hidden_at timestamptz;
update petition set hidden_at = now() where state = 'HIDDEN';
