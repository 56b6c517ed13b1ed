-- Retention. A signature's personal fields are erased some months after its petition closes or is delivered:
-- the row stays (count, country and dates are what the public and the recount rely on), erased_at says when.
-- The petition records when all its signatures were erased, so the daily job does not look at them again.
alter table signature add column erased_at timestamptz;
alter table petition add column personal_data_erased_at timestamptz;

-- The addresses still to forget, oldest first. Partial: a row leaves it when its address is dropped, so it holds
-- about the last 30 days of signatures. It does not mention confirmed_at, so confirming costs no more than before.
create index signature_address_to_forget on signature (created_at) where ip is not null;
