-- API keys for Open311 are for admins alone: only they read, create and revoke them, a revoked
-- key stays revoked, and nobody deletes one. A system files a report with an active key only,
-- and the report remembers the key where only staff can read it.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(19);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;
create function pg_temp.rows_changed(statement text) returns integer language plpgsql as $$
declare
  changed integer;
begin
  execute statement;
  get diagnostics changed = row_count;
  return changed;
end
$$;
create function pg_temp.hash(key text) returns text language sql as $$
  select encode(sha256(convert_to(key, 'UTF8')), 'hex')
$$;

-- Ayame is an admin, Bunta staff.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000007001', 'ayame@example.test'),
  ('00000000-0000-4000-8000-000000007002', 'bunta@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000007001', 'key-ayame', '12101', 'test'),
  ('00000000-0000-4000-8000-000000007002', 'key-bunta', '12101', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000007001', 'admin'),
  ('00000000-0000-4000-8000-000000007002', 'staff');
insert into public.categories (code, group_code, name_ja, name_en)
values ('key-test-road', 'road', '道路', 'Road');
insert into public.areas (code, kind, name_ja, name_en, geom)
values ('key-test-ward', 'ward', 'テスト区', 'Test Ward', extensions.st_multi(extensions.st_setsrid(
  extensions.st_makeenvelope(150.0, 10.0, 150.1, 10.1), 4326)));

select pg_temp.act_as('00000000-0000-4000-8000-000000007001');
select lives_ok($$insert into public.api_keys (id, label, key_hash, key_prefix, created_by) values
  ('00000000-0000-4000-8000-0000000b7001', 'Neighbour 311', pg_temp.hash('key-one'), 'key-one',
   '00000000-0000-4000-8000-000000007001'),
  ('00000000-0000-4000-8000-0000000b7002', 'Old system', pg_temp.hash('key-two'), 'key-two',
   '00000000-0000-4000-8000-000000007001')$$, 'an admin creates keys');
select throws_ok($$insert into public.api_keys (label, key_hash, key_prefix, created_by)
  values ('Forged', pg_temp.hash('key-x'), 'key-x', '00000000-0000-4000-8000-000000007002')$$,
  '42501', null, 'an admin cannot create a key in someone else''s name');
select is((select count(*)::integer from public.api_keys where label in ('Neighbour 311', 'Old system')),
  2, 'an admin reads the keys');
select is(pg_temp.rows_changed($$update public.api_keys set revoked_at = now(),
  revoked_by = '00000000-0000-4000-8000-000000007001'
  where id = '00000000-0000-4000-8000-0000000b7002'$$),
  1, 'an admin revokes a key');
select is(pg_temp.rows_changed($$update public.api_keys set revoked_at = null, revoked_by = null
  where id = '00000000-0000-4000-8000-0000000b7002'$$),
  0, 'a revoked key cannot be brought back');
select throws_ok($$update public.api_keys set label = 'Renamed'
  where id = '00000000-0000-4000-8000-0000000b7001'$$, '42501', null,
  'an admin cannot change a key, only revoke it');
select throws_ok($$delete from public.api_keys where id = '00000000-0000-4000-8000-0000000b7001'$$,
  '42501', null, 'nobody deletes a key');

select pg_temp.act_as('00000000-0000-4000-8000-000000007002');
select is((select count(*)::integer from public.api_keys), 0, 'staff read no keys');
select throws_ok($$insert into public.api_keys (label, key_hash, key_prefix, created_by)
  values ('Mine', pg_temp.hash('key-s'), 'key-s', '00000000-0000-4000-8000-000000007002')$$,
  '42501', null, 'staff cannot create a key');
select is(pg_temp.rows_changed($$update public.api_keys set revoked_at = now(),
  revoked_by = '00000000-0000-4000-8000-000000007002'
  where id = '00000000-0000-4000-8000-0000000b7001'$$),
  0, 'staff cannot revoke a key');

select pg_temp.act_as(null);
select throws_ok($$select * from public.api_keys$$, '42501', null, 'a visitor cannot read keys');
select ok(public.open311_key_active('key-one'), 'an active key is recognised');
select ok(not public.open311_key_active('key-two'), 'a revoked key is not');
select ok(not public.open311_key_active('key-three'), 'an unknown key is not');
select throws_ok($$select * from public.create_open311_report('key-two', 'key-test-road', 150.05, 10.05,
  '', 'A hole', null)$$, 'MQ801', 'invalid_api_key', 'a revoked key files nothing');
select throws_ok($$select * from public.create_open311_report('key-one', 'key-test-road', 151.0, 10.05,
  '', 'A hole', null)$$, 'MQ604', 'outside_city', 'a place outside the city is refused');
select lives_ok($$select * from public.create_open311_report('key-one', 'key-test-road', 150.05, 10.05,
  '', 'A hole', 'https://example.org/hole.jpg', '{"name": "Hanako", "phone": "043"}')$$,
  'an active key files a report');
select is((select count(*)::integer from public.report_contacts), 0,
  'a visitor reads no caller and no key of a report');

select pg_temp.act_as('00000000-0000-4000-8000-000000007002');
select results_eq($$select r.channel, rc.caller_name, rc.api_key_id from public.reports r
  join public.report_contacts rc on rc.report_id = r.id where r.description = 'A hole'$$,
  $$values ('open311', 'Hanako', '00000000-0000-4000-8000-0000000b7001'::uuid)$$,
  'staff see the caller and the key that filed an Open311 report');

select * from finish();
rollback;
