-- The dashboard's figures: anyone may read the public ones, which count and never name; the
-- repair costs and materials are for staff and organisers only.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(14);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- Hana is a citizen, Isamu staff, Jun an organiser.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000007501', 'hana@example.test'),
  ('00000000-0000-4000-8000-000000007502', 'isamu@example.test'),
  ('00000000-0000-4000-8000-000000007503', 'jun@example.test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000007501', 'citizen'),
  ('00000000-0000-4000-8000-000000007502', 'staff'),
  ('00000000-0000-4000-8000-000000007503', 'organiser');
insert into public.campaigns (id, title, starts_at, ends_at, published_at) values
  ('00000000-0000-4000-8000-0000000c7501', 'Published hunt', now() - interval '1 day', now() + interval '1 day', now()),
  ('00000000-0000-4000-8000-0000000c7502', 'Draft hunt', now() - interval '1 day', now() + interval '1 day', null);
insert into public.categories (code, group_code, name_ja, name_en)
values ('ins-test-road', 'road', '道路', 'Road');
insert into public.reports (category_id, location, description, reporter_id)
select c.id, extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326), 'テスト',
  '00000000-0000-4000-8000-000000007501'
from public.categories c where c.code = 'ins-test-road';
select is((select count(*)::integer from public.reporter_months
    where reporter_id = '00000000-0000-4000-8000-000000007501'), 1,
  'the monthly count of a reporter follows a new report');

select pg_temp.act_as(null);
select is((select count(*)::integer from public.reporter_months), 0,
  'a visitor cannot read who reported in which month');
select lives_ok($$select * from public.insights_reports('2026-01-01', '2026-12-01')$$,
  'a visitor reads reports per month');
select lives_ok($$select * from public.insights_backlog()$$, 'a visitor reads the backlog');
select lives_ok($$select * from public.insights_time_to_fix('2026-01-01', '2026-12-01')$$,
  'a visitor reads the time to fix');
select lives_ok($$select * from public.insights_reporters('2026-01-01', '2026-12-01')$$,
  'a visitor reads the reporter counts');
select is((select array_agg(title) from public.insights_campaigns(current_date - 31, current_date)
    where id in ('00000000-0000-4000-8000-0000000c7501', '00000000-0000-4000-8000-0000000c7502')),
  array['Published hunt'], 'a visitor sees the figures of published campaigns only');
select throws_ok($$select * from public.insights_repair_costs('2026-01-01', '2026-12-01')$$, '42501', null,
  'a visitor cannot call the repair costs');
select throws_ok($$select * from public.insights_materials('2026-01-01', '2026-12-01')$$, '42501', null,
  'a visitor cannot call the materials');

select pg_temp.act_as('00000000-0000-4000-8000-000000007501');
select throws_ok($$select * from public.insights_repair_costs('2026-01-01', '2026-12-01')$$, 'MQ004',
  'not_allowed', 'a citizen is refused the repair costs');
select throws_ok($$select * from public.insights_materials('2026-01-01', '2026-12-01')$$, 'MQ004',
  'not_allowed', 'a citizen is refused the materials');

select pg_temp.act_as('00000000-0000-4000-8000-000000007502');
select lives_ok($$select * from public.insights_repair_costs('2026-01-01', '2026-12-01')$$,
  'staff read the repair costs');
select pg_temp.act_as('00000000-0000-4000-8000-000000007503');
select lives_ok($$select * from public.insights_materials('2026-01-01', '2026-12-01')$$,
  'organisers read the materials');

reset role;
select is_empty($$
  select p.proname || '.' || a from pg_proc p, unnest(p.proargnames) a
  where p.pronamespace = 'public'::regnamespace and p.proname like 'insights\_%'
    and a ~ '^(reporter_id|user_id|author_id|email|phone|caller_[a-z]+|note|internal|nickname|location|address|description)$'
$$, 'no dashboard function returns a person, a contact, a note or a place');

select * from finish();
rollback;
