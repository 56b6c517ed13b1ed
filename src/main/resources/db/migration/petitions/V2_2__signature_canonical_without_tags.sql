-- A +tag now names the same mailbox at every provider, not only at Gmail (CanonicalEmail). Earlier signatures
-- get the new canonical form unless that would make two signatures of one petition collide: of such a group
-- the oldest takes it, and the others keep theirs (they were signed as separate signatures and stay so).
with renamed as (
    select id, petition_id, regexp_replace(email_canonical, '^([^@+]+)\+[^@]*(@[^@]+)$', '\1\2') as canonical
    from signature
    where email_canonical ~ '^[^@+]+\+[^@]*@[^@]+$'),
first_of_each as (
    select distinct on (petition_id, canonical) id, petition_id, canonical
    from renamed
    order by petition_id, canonical, id)
update signature s set email_canonical = f.canonical
from first_of_each f
where s.id = f.id
  and not exists (select 1 from signature o where o.petition_id = f.petition_id and o.email_canonical = f.canonical);
