-- Moderation: organisers feature approved entries, hide entries (gone from the public gallery,
-- points and like points given back) and reject with a reason the entrant can read.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(17);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- Oki organises; Emi sends entries; Ken likes one.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000002101', 'oki@example.test'),
  ('00000000-0000-4000-8000-000000002102', 'emi@example.test'),
  ('00000000-0000-4000-8000-000000002103', 'ken@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000002101', 'mod-oki', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000002102', 'mod-emi', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000002103', 'mod-ken', 'chuo', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000002101', 'citizen'),
  ('00000000-0000-4000-8000-000000002101', 'organiser'),
  ('00000000-0000-4000-8000-000000002102', 'citizen'),
  ('00000000-0000-4000-8000-000000002103', 'citizen');

insert into public.campaigns (id, title, starts_at, ends_at, published_at, moderation,
  points_per_entry, like_points, like_points_cap) values
  ('00000000-0000-4000-8000-0000000c2101', 'Moderated hunt', now() - interval '1 day',
   now() + interval '6 days', now() - interval '2 days', 'moderated', 10, 5, 20);

insert into public.photos (id, owner_id, state, display_key, thumb_key, width, height, expires_at)
select ('00000000-0000-4000-8000-00000000f21' || n)::uuid, '00000000-0000-4000-8000-000000002102',
  'attached', 'k' || n, 't' || n, 800, 600, null
from generate_series(1, 3) n;
insert into public.entries (id, campaign_id, user_id, photo_id, location, status)
select ('00000000-0000-4000-8000-00000000e21' || n)::uuid, '00000000-0000-4000-8000-0000000c2101',
  '00000000-0000-4000-8000-000000002102', ('00000000-0000-4000-8000-00000000f21' || n)::uuid,
  extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326),
  case when n = 2 then 'pending' else 'approved' end
from generate_series(1, 3) n;
-- the points the two approved entries earned when they were approved
insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
select '00000000-0000-4000-8000-000000002102', '00000000-0000-4000-8000-0000000c2101',
  ('00000000-0000-4000-8000-00000000e21' || n)::uuid, 10, 'entry_approved'
from unnest(array[1, 3]) n;

create function pg_temp.emi_points() returns integer language sql as $$
  select coalesce(sum(points), 0)::integer from public.point_events
  where user_id = '00000000-0000-4000-8000-000000002102'
$$;

select pg_temp.act_as('00000000-0000-4000-8000-000000002103');
select throws_ok($$select id from public.hide_entry('00000000-0000-4000-8000-00000000e211', 'no')$$,
  'MQ005', 'not_allowed', 'a citizen cannot hide an entry');
select throws_ok($$select id from public.feature_entry('00000000-0000-4000-8000-00000000e211', true)$$,
  'MQ005', 'not_allowed', 'a citizen cannot feature an entry');
select results_eq($$select awarded from public.like_entry('00000000-0000-4000-8000-00000000e211')$$,
  $$values (5)$$, 'Ken''s like earns Emi like points');

select pg_temp.act_as('00000000-0000-4000-8000-000000002101');
select isnt((select featured_at from public.feature_entry('00000000-0000-4000-8000-00000000e211', true)),
  null, 'an organiser features an approved entry');
select throws_ok($$select id from public.feature_entry('00000000-0000-4000-8000-00000000e212', true)$$,
  'MQ205', 'feature_not_approved', 'an entry waiting for moderation cannot be featured');
select results_eq(
  $$select status from public.hide_entry('00000000-0000-4000-8000-00000000e211', '  Shows a car number plate ')$$,
  $$values ('hidden'::text)$$, 'an organiser hides an approved entry');
reset role;
select is(pg_temp.emi_points(), 10,
  'hiding gives back the entry''s points and its like points (10 + 5 - 10 - 5, plus the other entry''s 10)');
select results_eq(
  $$select status, moderation_reason, featured_at is null from public.entries
    where id = '00000000-0000-4000-8000-00000000e211'$$,
  $$values ('hidden'::text, 'Shows a car number plate'::text, true)$$,
  'the hidden entry keeps the trimmed reason and is no longer featured');

select pg_temp.act_as(null);
select is((select count(*)::integer from public.entries where campaign_id = '00000000-0000-4000-8000-0000000c2101'),
  1, 'the public sees only the approved entry that is not hidden');
select is((select count(*)::integer from public.photos where id = '00000000-0000-4000-8000-00000000f211'),
  0, 'the hidden entry''s photo is no longer public');

select pg_temp.act_as('00000000-0000-4000-8000-000000002103');
select results_eq($$select withdrawn from public.unlike_entry('00000000-0000-4000-8000-00000000e211')$$,
  $$values (0)$$, 'taking back a like on a hidden entry gives back nothing twice');

select pg_temp.act_as('00000000-0000-4000-8000-000000002101');
select throws_ok(
  $$select id from public.moderate_entry('00000000-0000-4000-8000-00000000e212', 'rejected', repeat('x', 501))$$,
  'MQ206', 'moderation_reason_too_long', 'a reason over 500 characters is refused');
select is(
  (select status from public.moderate_entry('00000000-0000-4000-8000-00000000e212', 'rejected',
    'The photo is not of the theme.')),
  'rejected', 'an organiser rejects an entry with a reason');
select is(
  (select status from public.moderate_entry('00000000-0000-4000-8000-00000000e213', 'rejected', 'Blurred')),
  'rejected', 'an organiser rejects an approved entry');
reset role;
select is(pg_temp.emi_points(), 0, 'rejecting an approved entry gives back its points');

select pg_temp.act_as('00000000-0000-4000-8000-000000002102');
select results_eq(
  $$select status, moderation_reason from public.entries
    where campaign_id = '00000000-0000-4000-8000-0000000c2101' order by id$$,
  $$values ('hidden'::text, 'Shows a car number plate'::text),
           ('rejected', 'The photo is not of the theme.'), ('rejected', 'Blurred')$$,
  'the entrant sees each of their entries'' status and reason');

select pg_temp.act_as('00000000-0000-4000-8000-000000002101');
select is(
  (select moderation_reason from public.moderate_entry('00000000-0000-4000-8000-00000000e212', 'approved')),
  null, 'approving an entry later clears the rejection reason');
reset role;

select * from finish();
rollback;
