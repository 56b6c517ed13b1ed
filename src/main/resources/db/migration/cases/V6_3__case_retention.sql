-- Retention of a case's protected part (docs/security.md, "What we keep of case files"). A case that is no longer
-- at risk (situation SAFE, or withdrawn from public view, and never while DETAINED or AT_RISK_OF_RETURN) and that
-- no staff member touched for safepassage.cases.retention.review-after-months falls due for review. Staff keep it
-- for another period (with a reason, in the audit) or erase its protected part; the daily job erases what nobody
-- reviewed grace-months after it first found it due.
--
-- Erasure is crypto-shredding: the case's data key is destroyed, so data_key_id may now be null (an erased case
-- has no key), the sealed columns are emptied and the attachments deleted.
alter table case_file alter column data_key_id drop not null;
-- When the daily job first found the case due (null while not due): the grace period runs from here, so a case
-- is never erased before staff could see it on the review list for the whole grace period.
alter table case_file add column retention_due_since timestamptz;
-- The last "keep for another period" (the reason is in the audit, action case.retention.kept).
alter table case_file add column retention_kept_at timestamptz;
alter table case_file add column retention_kept_by text;
-- When, and by whom (a staff member, or the retention job), the protected part was erased.
alter table case_file add column protected_erased_at timestamptz;
alter table case_file add column protected_erased_by text;
alter table case_file add constraint case_file_key_unless_erased
    check (data_key_id is not null or protected_erased_at is not null);
