-- submit_entry keeps an entry inside its campaign's area: a point outside is refused with
-- MQ004 and changes nothing; a point inside is accepted, attaches the photo and, on an
-- automatically moderated campaign, earns the campaign's points.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(8);

-- Acts as a visitor (null) or a signed-in person until `reset role`, as the app's asUser() does.
create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- A small square zone in Chiba (about 900 m a side) and an open campaign covering it.
insert into public.areas (id, code, kind, name_ja, name_en, geom) overriding system value values
  (90501, 'test-square-0501', 'zone', 'テスト区域', 'Test square',
   extensions.st_geomfromtext(
     'MULTIPOLYGON(((140.10 35.60, 140.11 35.60, 140.11 35.61, 140.10 35.61, 140.10 35.60)))', 4326));
insert into public.campaigns (id, title, starts_at, ends_at, published_at, moderation, points_per_entry)
values ('00000000-0000-4000-8000-0000000c0501', 'Potholes in the square',
  now() - interval '1 day', now() + interval '6 days', now() - interval '2 days', 'auto', 10);
insert into public.campaign_areas (campaign_id, area_id)
values ('00000000-0000-4000-8000-0000000c0501', 90501);

-- Chika, a citizen with a pending photo.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000000501', 'chika@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000000501', 'entry-chika', 'chuo', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000000501', 'citizen');
insert into public.photos (id, owner_id, display_key, thumb_key, width, height, exif_lon, exif_lat)
values ('00000000-0000-4000-8000-00000000f501', '00000000-0000-4000-8000-000000000501',
  'chika.webp', 'chika-thumb.webp', 1600, 1200, 14.42, 50.08);

select pg_temp.act_as('00000000-0000-4000-8000-000000000501');

-- The photo's own GPS position, in the Czech Republic.
select throws_ok(
  $$select public.submit_entry('00000000-0000-4000-8000-0000000c0501',
    '00000000-0000-4000-8000-00000000f501', 14.42, 50.08, 'far away')$$,
  'MQ004', 'outside_area',
  'an entry outside the campaign''s area is refused with MQ004'
);
select throws_ok(
  $$select public.submit_entry('00000000-0000-4000-8000-0000000c0501',
    '00000000-0000-4000-8000-00000000f501', 140.115, 35.605, 'just east of the square')$$,
  'MQ004', 'outside_area',
  'an entry just outside the area''s edge is refused with MQ004'
);
select is(
  (select state from public.photos where id = '00000000-0000-4000-8000-00000000f501'),
  'pending',
  'a refused entry leaves the photo pending for another try'
);
select is(
  (select status from public.submit_entry('00000000-0000-4000-8000-0000000c0501',
    '00000000-0000-4000-8000-00000000f501', 140.105, 35.605, 'inside the square')),
  'approved',
  'an entry inside the campaign''s area is accepted (and approved on an auto campaign)'
);
reset role;

select is(
  (select count(*)::integer from public.entries
   where user_id = '00000000-0000-4000-8000-000000000501'
     and campaign_id = '00000000-0000-4000-8000-0000000c0501'),
  1,
  'the accepted entry is stored once'
);
select is(
  (select state from public.photos where id = '00000000-0000-4000-8000-00000000f501'),
  'attached',
  'the accepted entry attaches the photo'
);
select is(
  (select sum(points)::integer from public.point_events
   where user_id = '00000000-0000-4000-8000-000000000501'
     and campaign_id = '00000000-0000-4000-8000-0000000c0501'),
  10,
  'the accepted entry earns the campaign''s points once'
);
select is(
  (select count(*)::integer from public.campaign_participants
   where user_id = '00000000-0000-4000-8000-000000000501'
     and campaign_id = '00000000-0000-4000-8000-0000000c0501'),
  1,
  'sending an entry makes the person a participant'
);

select * from finish();
rollback;
