-- Fair play: a perceptual hash of every uploaded photo, so that the same photo or a near copy
-- (re-encoded, resized, a little brighter) cannot be sent to one campaign twice and earn points
-- twice. The hash is the 64-bit DCT pHash of the upright picture, computed by the server's
-- photo pipeline; photos stored before this column have none and are not compared.

alter table public.photos add column phash bigint;
comment on column public.photos.phash is
  '64-bit perceptual hash (DCT pHash) of the upright photo; near copies differ in few bits. Null for photos stored before hashing.';

-- How many of the 64 bits two hashes differ in: 0 for the same picture, about 32 for unrelated ones.
create or replace function public.hamming_distance(a bigint, b bigint)
returns integer
language sql immutable parallel safe
set search_path = ''
as $$
  select pg_catalog.bit_count((a # b)::bit(64))::integer
$$;
comment on function public.hamming_distance is 'Number of differing bits between two 64-bit perceptual hashes.';
