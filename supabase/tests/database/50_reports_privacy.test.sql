-- Reports are public, who reported them beyond the nickname is not: callers' details and
-- internal notes are for staff, follows and notifications for their owner, and nobody writes
-- a report, its timeline or its photos except through the functions.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(18);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- Aiko reports, Botan is another citizen, Chika is staff.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000005001', 'aiko@example.test'),
  ('00000000-0000-4000-8000-000000005002', 'botan@example.test'),
  ('00000000-0000-4000-8000-000000005003', 'chika@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000005001', 'rep-aiko', '12101', 'test'),
  ('00000000-0000-4000-8000-000000005002', 'rep-botan', '12101', 'test'),
  ('00000000-0000-4000-8000-000000005003', 'rep-chika', '12101', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000005001', 'citizen'),
  ('00000000-0000-4000-8000-000000005002', 'citizen'),
  ('00000000-0000-4000-8000-000000005003', 'staff');
insert into public.categories (code, group_code, name_ja, name_en)
values ('rep-test-road', 'road', '道路', 'Road');

insert into public.reports (id, category_id, location, description, reporter_id)
select '00000000-0000-4000-8000-0000000a5001', id,
  extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326), '穴があります',
  '00000000-0000-4000-8000-000000005001'
from public.categories where code = 'rep-test-road';
insert into public.reports (id, category_id, location, description, channel)
select '00000000-0000-4000-8000-0000000a5002', id,
  extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326), '電話で受付', 'phone'
from public.categories where code = 'rep-test-road';
insert into public.report_contacts (report_id, caller_name, caller_phone, taken_by) values
  ('00000000-0000-4000-8000-0000000a5002', '千葉 太郎', '043-000-0000', '00000000-0000-4000-8000-000000005003');
insert into public.report_followers (report_id, user_id) values
  ('00000000-0000-4000-8000-0000000a5001', '00000000-0000-4000-8000-000000005001');
insert into public.report_updates (report_id, author_id, kind, note, internal) values
  ('00000000-0000-4000-8000-0000000a5001', '00000000-0000-4000-8000-000000005003', 'note', '業者手配済み', true);
insert into public.report_updates (report_id, author_id, kind, status, note) values
  ('00000000-0000-4000-8000-0000000a5001', '00000000-0000-4000-8000-000000005003', 'status', 'in_progress', '確認します');

select pg_temp.act_as(null);
select is((select count(*)::integer from public.reports where id::text like '00000000-0000-4000-8000-0000000a500%'),
  2, 'a visitor reads reports');
select is((select count(*)::integer from public.report_updates
  where report_id = '00000000-0000-4000-8000-0000000a5001'), 1, 'a visitor reads the public update only');
select is((select count(*)::integer from public.report_contacts), 0, 'a visitor reads no caller');
select throws_ok($$select * from public.create_report('rep-test-road', 140.12, 35.60, null, '', 'x')$$,
  'MQ001', 'sign_in_required', 'a visitor cannot file a report');
select is((select sum(received)::integer from public.report_map_cells c
  join public.categories k on k.id = c.category_id where k.code = 'rep-test-road'),
  2, 'a visitor reads the map''s counts, kept as the reports were filed');

select pg_temp.act_as('00000000-0000-4000-8000-000000005002');
select is((select count(*)::integer from public.report_contacts), 0, 'a citizen reads no caller');
select is((select count(*)::integer from public.report_updates
  where report_id = '00000000-0000-4000-8000-0000000a5001'), 1, 'a citizen reads no internal note');
select is((select count(*)::integer from public.notifications), 0, 'a citizen reads nobody else''s notifications');
select is((select count(*)::integer from public.report_followers), 0, 'a citizen does not see who follows');
select throws_ok($$insert into public.reports (category_id, location, description)
  select id, extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326), 'x'
  from public.categories where code = 'rep-test-road'$$,
  '42501', null, 'a citizen cannot insert a report directly');
update public.reports set status = 'resolved' where id = '00000000-0000-4000-8000-0000000a5001';
select throws_ok($$insert into public.report_updates (report_id, kind, note)
  values ('00000000-0000-4000-8000-0000000a5001', 'note', 'fake')$$,
  '42501', null, 'a citizen cannot write the timeline');
update public.report_map_cells set received = received + 100;
select is((select sum(received)::integer from public.report_map_cells c
  join public.categories k on k.id = c.category_id where k.code = 'rep-test-road'),
  2, 'a citizen''s direct change to the map''s counts changes nothing');
select throws_ok($$select public.change_report_status('00000000-0000-4000-8000-0000000a5001', 'resolved', 'done')$$,
  'MQ004', 'not_allowed', 'a citizen cannot change a status');
select throws_ok($$select public.attach_report_photos('00000000-0000-4000-8000-000000005002',
  '00000000-0000-4000-8000-0000000a5001', '{}', 'report')$$,
  '42501', null, 'a citizen cannot call the internal photo function');

select pg_temp.act_as('00000000-0000-4000-8000-000000005001');
select is((select count(*)::integer from public.notifications), 1, 'the reporter reads the status change notification');

select pg_temp.act_as('00000000-0000-4000-8000-000000005003');
select is((select status from public.reports where id = '00000000-0000-4000-8000-0000000a5001'),
  'received', 'the citizen''s direct update changed nothing');
select is((select caller_name from public.report_contacts
  where report_id = '00000000-0000-4000-8000-0000000a5002'), '千葉 太郎', 'staff read the caller');
select is((select count(*)::integer from public.report_updates
  where report_id = '00000000-0000-4000-8000-0000000a5001'), 2, 'staff read internal notes');

select * from finish();
rollback;
