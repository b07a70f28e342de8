-- Sessions belong to the server alone, and a pending photo (with its EXIF position) is seen by
-- its owner alone: another citizen can neither read nor discard them.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(6);

-- Acts as a visitor (null) or a signed-in person until `reset role`, as the app's asUser() does.
create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- Aiko (…201) and Ben (…202), both citizens; Ben has a session and a pending photo.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000000201', 'aiko@example.test'),
  ('00000000-0000-4000-8000-000000000202', 'ben@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000000201', 'private-aiko', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000000202', 'private-ben', 'mihama', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000000201', 'citizen'),
  ('00000000-0000-4000-8000-000000000202', 'citizen');
insert into public.sessions (id, user_id) values
  ('session-of-ben', '00000000-0000-4000-8000-000000000202');
insert into public.photos (id, owner_id, display_key, thumb_key, width, height, exif_lon, exif_lat)
values
  ('00000000-0000-4000-8000-00000000f201', '00000000-0000-4000-8000-000000000201',
   'aiko.webp', 'aiko-thumb.webp', 1600, 1200, 140.11, 35.61),
  ('00000000-0000-4000-8000-00000000f202', '00000000-0000-4000-8000-000000000202',
   'ben.webp', 'ben-thumb.webp', 1600, 1200, 140.12, 35.62);

select pg_temp.act_as('00000000-0000-4000-8000-000000000201');

select throws_ok(
  $$select id from public.sessions where user_id = '00000000-0000-4000-8000-000000000202'$$,
  '42501', null,
  'a citizen cannot read another person''s sessions'
);
select throws_ok(
  $$select key from public.sign_in_attempts$$,
  '42501', null,
  'a citizen cannot read the sign-in attempts'
);
select is(
  (select count(*)::integer from public.photos
   where owner_id = '00000000-0000-4000-8000-000000000202'),
  0,
  'a citizen cannot see another person''s pending photo'
);
select is(
  (select count(*)::integer from public.photos
   where owner_id = '00000000-0000-4000-8000-000000000201'),
  1,
  'a citizen sees their own pending photo'
);

delete from public.photos where id = '00000000-0000-4000-8000-00000000f202';
reset role;

select is(
  (select count(*)::integer from public.photos where id = '00000000-0000-4000-8000-00000000f202'),
  1,
  'a citizen cannot discard another person''s pending photo'
);

select pg_temp.act_as(null);
select is(
  (select count(*)::integer from public.photos where state = 'pending'),
  0,
  'a visitor sees no pending photos'
);
reset role;

select * from finish();
rollback;
