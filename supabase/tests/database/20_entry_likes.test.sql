-- like_entry / unlike_entry: one like per person and entry, never one's own, only on approved
-- entries; each like earns the author the campaign's like points until the entry has earned
-- like_points_cap from likes; taking back a like gives back only what it earned; once the
-- campaign is final, likes earn nothing.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(20);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- Aiko sends photos; Ben, Chie and Daisuke like them.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000002001', 'aiko@example.test'),
  ('00000000-0000-4000-8000-000000002002', 'ben@example.test'),
  ('00000000-0000-4000-8000-000000002003', 'chie@example.test'),
  ('00000000-0000-4000-8000-000000002004', 'daisuke@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000002001', 'like-aiko', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000002002', 'like-ben', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000002003', 'like-chie', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000002004', 'like-daisuke', 'chuo', 'test');

-- 5 points a like, at most 10 from likes per entry; one open campaign and one final.
insert into public.campaigns (id, title, starts_at, ends_at, published_at, like_points, like_points_cap) values
  ('00000000-0000-4000-8000-0000000c2001', 'Open hunt with likes',
   now() - interval '1 day', now() + interval '6 days', now() - interval '2 days', 5, 10),
  ('00000000-0000-4000-8000-0000000c2002', 'Final hunt with likes',
   now() - interval '20 days', now() - interval '10 days', now() - interval '21 days', 5, 10);

insert into public.photos (id, owner_id, state, display_key, thumb_key, width, height, expires_at)
select ('00000000-0000-4000-8000-00000000f20' || n)::uuid, '00000000-0000-4000-8000-000000002001',
  'attached', 'k' || n, 't' || n, 800, 600, null
from generate_series(1, 3) n;
insert into public.entries (id, campaign_id, user_id, photo_id, location, status) values
  ('00000000-0000-4000-8000-00000000e201', '00000000-0000-4000-8000-0000000c2001',
   '00000000-0000-4000-8000-000000002001', '00000000-0000-4000-8000-00000000f201',
   extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326), 'approved'),
  ('00000000-0000-4000-8000-00000000e202', '00000000-0000-4000-8000-0000000c2001',
   '00000000-0000-4000-8000-000000002001', '00000000-0000-4000-8000-00000000f202',
   extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326), 'pending'),
  ('00000000-0000-4000-8000-00000000e203', '00000000-0000-4000-8000-0000000c2002',
   '00000000-0000-4000-8000-000000002001', '00000000-0000-4000-8000-00000000f203',
   extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326), 'approved');

create function pg_temp.like_points() returns integer language sql as $$
  select coalesce(sum(points), 0)::integer from public.point_events
  where user_id = '00000000-0000-4000-8000-000000002001'
    and reason in ('like_received', 'like_withdrawn')
    and campaign_id = '00000000-0000-4000-8000-0000000c2001'
$$;

select pg_temp.act_as(null);
select throws_ok($$select likes from public.like_entry('00000000-0000-4000-8000-00000000e201')$$,
  'MQ001', 'sign_in_required', 'a visitor cannot like');

select pg_temp.act_as('00000000-0000-4000-8000-000000002001');
select throws_ok($$select likes from public.like_entry('00000000-0000-4000-8000-00000000e201')$$,
  'MQ201', 'like_own_entry', 'nobody can like their own entry');

select pg_temp.act_as('00000000-0000-4000-8000-000000002002');
select throws_ok($$select likes from public.like_entry('00000000-0000-4000-8000-00000000e202')$$,
  'MQ200', 'like_not_found', 'an entry waiting for moderation cannot be liked');
select results_eq($$select likes, awarded from public.like_entry('00000000-0000-4000-8000-00000000e201')$$,
  $$values (1, 5)$$, 'the first like counts and earns the author the campaign''s like points');
select results_eq($$select likes, awarded from public.like_entry('00000000-0000-4000-8000-00000000e201')$$,
  $$values (1, 0)$$, 'liking again changes nothing: one like per person');
select is((select count(*)::integer from public.entry_likes), 1,
  'a person sees only their own likes');

select pg_temp.act_as('00000000-0000-4000-8000-000000002003');
select results_eq($$select likes, awarded from public.like_entry('00000000-0000-4000-8000-00000000e201')$$,
  $$values (2, 5)$$, 'a second person''s like earns points up to the cap');
select pg_temp.act_as('00000000-0000-4000-8000-000000002004');
select results_eq($$select likes, awarded from public.like_entry('00000000-0000-4000-8000-00000000e201')$$,
  $$values (3, 0)$$, 'a like past the cap counts but earns nothing');
reset role;
select is(pg_temp.like_points(), 10, 'the ledger holds exactly the cap from likes');
select is((select like_count from public.entries where id = '00000000-0000-4000-8000-00000000e201'), 3,
  'the entry counts three likes');

select pg_temp.act_as('00000000-0000-4000-8000-000000002004');
select results_eq($$select likes, withdrawn from public.unlike_entry('00000000-0000-4000-8000-00000000e201')$$,
  $$values (2, 0)$$, 'taking back a like that earned nothing gives back nothing');
select results_eq($$select likes, withdrawn from public.unlike_entry('00000000-0000-4000-8000-00000000e201')$$,
  $$values (2, 0)$$, 'taking back a like that is not there changes nothing');
select pg_temp.act_as('00000000-0000-4000-8000-000000002002');
select results_eq($$select likes, withdrawn from public.unlike_entry('00000000-0000-4000-8000-00000000e201')$$,
  $$values (1, 5)$$, 'taking back a like that earned points gives them back');
reset role;
select is(pg_temp.like_points(), 5, 'the ledger shows the withdrawal');
select is((select count(*)::integer from public.point_events
  where reason = 'like_withdrawn' and user_id = '00000000-0000-4000-8000-000000002001'), 1,
  'one like_withdrawn line, for the like that had earned points');

select pg_temp.act_as('00000000-0000-4000-8000-000000002004');
select results_eq($$select likes, awarded from public.like_entry('00000000-0000-4000-8000-00000000e201')$$,
  $$values (2, 5)$$, 'with room under the cap again, a new like earns points');
reset role;
select is(pg_temp.like_points(), 10, 'like points never pass the cap');

select pg_temp.act_as('00000000-0000-4000-8000-000000002002');
select results_eq($$select likes, awarded from public.like_entry('00000000-0000-4000-8000-00000000e203')$$,
  $$values (1, 0)$$, 'an entry of a final campaign can be liked but earns nothing');
reset role;
select is((select count(*)::integer from public.point_events
  where campaign_id = '00000000-0000-4000-8000-0000000c2002'), 0,
  'no ledger line is written for a final campaign');

select pg_temp.act_as('00000000-0000-4000-8000-000000002002');
select throws_ok($$insert into public.entry_likes (entry_id, user_id)
  values ('00000000-0000-4000-8000-00000000e201', '00000000-0000-4000-8000-000000002002')$$,
  '42501', null, 'likes are written only through like_entry');
reset role;

select * from finish();
rollback;
