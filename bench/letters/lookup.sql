-- One postcode lookup as Directory.forPostcode runs it (LettersQueries.REPRESENTATIVES_FOR_POSTCODE, with the
-- columns it selects), for a postcode picked at random from letters_bench_keys.
\set n random(1, :keys)
with recursive areas(id) as (
    select area_id from letters_postcode_area
    where postcode = (select postcode from letters_bench_keys where n = :n)
    union
    select a.parent_id from letters_area a join areas on a.id = areas.id where a.parent_id is not null
)
select r.id, a.body_code, b.name as body_name, a.code as area_code, a.name as area_name, r.name, r.party,
       r.email, r.postal_address, r.valid_from, r.valid_to, r.demo
from areas
join letters_area a on a.id = areas.id
join letters_body b on b.code = a.body_code
join letters_representative r on r.area_id = a.id
where a.body_code = any('{uk-commons,scottish-parliament}'::text[])
  and r.valid_from <= current_date and (r.valid_to is null or r.valid_to >= current_date)
order by b.sort_order, a.parent_id nulls last, a.name, r.name;
