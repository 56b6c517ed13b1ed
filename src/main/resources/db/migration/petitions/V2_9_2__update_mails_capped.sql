-- Update mails not queued because the signer's mailbox already had its day's update mails
-- (safepassage.petitions.updates.mails-per-mailbox-per-day), so staff see that some signers were not told.
alter table petition_update add column capped int not null default 0;
