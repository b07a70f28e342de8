-- Fair play in submit_entry: a photo whose perceptual hash is within 8 bits of a photo already
-- sent to the same campaign (by anyone) is refused, a different one passes, the same photo may
-- go to another campaign; one person sends at most 20 entries an hour to a campaign.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(9);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

insert into public.areas (id, code, kind, name_ja, name_en, geom) overriding system value values
  (92201, 'test-square-2201', 'zone', 'テスト区域', 'Test square',
   extensions.st_geomfromtext(
     'MULTIPOLYGON(((140.10 35.60, 140.11 35.60, 140.11 35.61, 140.10 35.61, 140.10 35.60)))', 4326));
insert into public.campaigns (id, title, starts_at, ends_at, published_at, moderation, points_per_entry)
values
  ('00000000-0000-4000-8000-0000000c2201', 'Fair hunt', now() - interval '1 day',
   now() + interval '6 days', now() - interval '2 days', 'auto', 10),
  ('00000000-0000-4000-8000-0000000c2202', 'Another hunt', now() - interval '1 day',
   now() + interval '6 days', now() - interval '2 days', 'auto', 10);
insert into public.campaign_areas (campaign_id, area_id) values
  ('00000000-0000-4000-8000-0000000c2201', 92201), ('00000000-0000-4000-8000-0000000c2202', 92201);

insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000002201', 'fumi@example.test'),
  ('00000000-0000-4000-8000-000000002202', 'goro@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000002201', 'fair-fumi', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000002202', 'fair-goro', 'chuo', 'test');

-- Fumi's photo; Goro's copy of it differing in 3 bits; Goro's own photo, 32 bits away; and a
-- second copy for the other campaign.
insert into public.photos (id, owner_id, display_key, thumb_key, width, height, phash) values
  ('00000000-0000-4000-8000-00000000f221', '00000000-0000-4000-8000-000000002201', 'a', 'a', 8, 6,
   x'00ff00ff00ff00ff'::bigint),
  ('00000000-0000-4000-8000-00000000f222', '00000000-0000-4000-8000-000000002202', 'b', 'b', 8, 6,
   x'00ff00ff00ff00f8'::bigint),
  ('00000000-0000-4000-8000-00000000f223', '00000000-0000-4000-8000-000000002202', 'c', 'c', 8, 6,
   x'ffffffff00000000'::bigint),
  ('00000000-0000-4000-8000-00000000f224', '00000000-0000-4000-8000-000000002202', 'd', 'd', 8, 6,
   x'00ff00ff00ff00f8'::bigint);

select is(public.hamming_distance(x'00ff00ff00ff00ff'::bigint, x'00ff00ff00ff00f8'::bigint), 3,
  'the distance counts the differing bits');

select pg_temp.act_as('00000000-0000-4000-8000-000000002201');
select is((select status from public.submit_entry('00000000-0000-4000-8000-0000000c2201',
  '00000000-0000-4000-8000-00000000f221', 140.105, 35.605)), 'approved', 'the first photo is accepted');

select pg_temp.act_as('00000000-0000-4000-8000-000000002202');
select throws_ok($$select id from public.submit_entry('00000000-0000-4000-8000-0000000c2201',
  '00000000-0000-4000-8000-00000000f222', 140.105, 35.605)$$,
  'MQ202', 'duplicate_photo', 'a near copy of a photo already sent to the campaign is refused');
select is((select state from public.photos where id = '00000000-0000-4000-8000-00000000f222'),
  'pending', 'the refused copy stays pending');
select is((select status from public.submit_entry('00000000-0000-4000-8000-0000000c2201',
  '00000000-0000-4000-8000-00000000f223', 140.105, 35.605)), 'approved', 'a different photo is accepted');
select is((select status from public.submit_entry('00000000-0000-4000-8000-0000000c2202',
  '00000000-0000-4000-8000-00000000f224', 140.105, 35.605)), 'approved',
  'the same picture may go to another campaign');
reset role;
select is((select coalesce(sum(points), 0)::integer from public.point_events
  where campaign_id = '00000000-0000-4000-8000-0000000c2201'), 20,
  'the campaign''s ledger counts the original and the different photo, not the copy');

-- Fumi has sent 20 entries in the last hour (19 more, made here without photos' hashes).
insert into public.photos (id, owner_id, state, display_key, thumb_key, width, height, expires_at)
select ('00000000-0000-4000-8000-0000000f' || lpad(n::text, 4, '0'))::uuid,
  '00000000-0000-4000-8000-000000002201', case when n <= 19 then 'attached' else 'pending' end,
  'r' || n, 'r' || n, 8, 6, case when n <= 19 then null else now() + interval '1 day' end
from generate_series(1, 20) n;
insert into public.entries (campaign_id, user_id, photo_id, location, status)
select '00000000-0000-4000-8000-0000000c2201', '00000000-0000-4000-8000-000000002201',
  ('00000000-0000-4000-8000-0000000f' || lpad(n::text, 4, '0'))::uuid,
  extensions.st_setsrid(extensions.st_makepoint(140.105, 35.605), 4326), 'approved'
from generate_series(1, 19) n;

select pg_temp.act_as('00000000-0000-4000-8000-000000002201');
select throws_ok($$select id from public.submit_entry('00000000-0000-4000-8000-0000000c2201',
  '00000000-0000-4000-8000-0000000f0020', 140.105, 35.605)$$,
  'MQ203', 'too_many_entries', 'the 21st entry within an hour is refused');
reset role;
update public.entries set created_at = now() - interval '61 minutes'
where user_id = '00000000-0000-4000-8000-000000002201' and photo_id <> '00000000-0000-4000-8000-00000000f221';
select pg_temp.act_as('00000000-0000-4000-8000-000000002201');
select is((select status from public.submit_entry('00000000-0000-4000-8000-0000000c2201',
  '00000000-0000-4000-8000-0000000f0020', 140.105, 35.605)), 'approved',
  'once older entries leave the hour, the person may send again');
reset role;

select * from finish();
rollback;
