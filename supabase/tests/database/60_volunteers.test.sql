-- Volunteers: fixes and claims are public, terms and sign-ups are not; nobody writes a claim,
-- a fix or a sign-up except through the functions, and those keep one holder per fix.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(12);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- Daichi and Emi volunteer, Fumi is a citizen.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000006001', 'daichi@example.test'),
  ('00000000-0000-4000-8000-000000006002', 'emi@example.test'),
  ('00000000-0000-4000-8000-000000006003', 'fumi@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000006001', 'vol-daichi', '12101', 'test'),
  ('00000000-0000-4000-8000-000000006002', 'vol-emi', '12101', 'test'),
  ('00000000-0000-4000-8000-000000006003', 'vol-fumi', '12101', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000006001', 'citizen'),
  ('00000000-0000-4000-8000-000000006002', 'citizen'),
  ('00000000-0000-4000-8000-000000006003', 'citizen');
insert into public.fixes (id, title, what_to_do, location) values
  ('00000000-0000-4000-8000-0000000f6001', 'Clear a drain', 'Remove the leaves',
   extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326));
insert into public.volunteer_events (id, title, starts_at, ends_at, meeting_point, capacity) values
  ('00000000-0000-4000-8000-0000000e6001', 'Beach clean', now() + interval '2 days',
   now() + interval '2 days 2 hours', 'Inage beach', 1);

select pg_temp.act_as('00000000-0000-4000-8000-000000006001');
select throws_ok($$select public.become_volunteer('1999-01')$$, 'MQ701', 'terms_not_accepted',
  'an old version of the terms does not count');
select lives_ok($$select public.become_volunteer(public.volunteer_terms_version())$$,
  'a citizen accepts the terms');
select pg_temp.act_as('00000000-0000-4000-8000-000000006002');
select lives_ok($$select public.become_volunteer(public.volunteer_terms_version())$$,
  'another citizen accepts the terms');

select pg_temp.act_as('00000000-0000-4000-8000-000000006001');
select lives_ok($$select public.claim_fix('00000000-0000-4000-8000-0000000f6001')$$, 'a volunteer claims a free fix');
select lives_ok($$select public.sign_up_for_event('00000000-0000-4000-8000-0000000e6001')$$, 'a volunteer signs up');

select pg_temp.act_as('00000000-0000-4000-8000-000000006002');
select throws_ok($$select public.claim_fix('00000000-0000-4000-8000-0000000f6001')$$, 'MQ707', 'fix_taken',
  'another volunteer is told the fix is taken');
select throws_ok($$insert into public.fix_claims (fix_id, volunteer_id, expires_at)
  values ('00000000-0000-4000-8000-0000000f6001', '00000000-0000-4000-8000-000000006002', now() + interval '1 day')$$,
  '42501', null, 'nobody writes a claim directly');
select is((select count(*)::integer from public.event_signups), 0, 'a volunteer does not see who else signed up');
select is((select confirmed from public.event_counts('00000000-0000-4000-8000-0000000e6001')), 1,
  'but sees how full the event is');

select pg_temp.act_as('00000000-0000-4000-8000-000000006003');
select throws_ok($$select public.claim_fix('00000000-0000-4000-8000-0000000f6001')$$, 'MQ704', 'volunteers_only',
  'a citizen who did not accept the terms cannot claim');
select is((select count(*)::integer from public.volunteers), 0, 'a citizen does not see who volunteers');

select pg_temp.act_as(null);
select is((select count(*)::integer from public.fix_claims where fix_id = '00000000-0000-4000-8000-0000000f6001'
  and state = 'active'), 1, 'a visitor sees the fix is held');

select * from finish();
rollback;
