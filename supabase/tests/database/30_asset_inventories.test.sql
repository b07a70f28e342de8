-- Asset inventories: anyone may read layers and assets; only organisers and admins write them,
-- and a layer never holds two assets with the same external id.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(14);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000000301', 'assets-citizen@example.test'),
  ('00000000-0000-4000-8000-000000000302', 'assets-organiser@example.test'),
  ('00000000-0000-4000-8000-000000000303', 'assets-admin@example.test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000000301', 'citizen'),
  ('00000000-0000-4000-8000-000000000302', 'organiser'),
  ('00000000-0000-4000-8000-000000000303', 'admin');

select pg_temp.act_as('00000000-0000-4000-8000-000000000302');
select lives_ok(
  $$insert into public.asset_layers (code, name_ja, name_en) values ('pgtap-lights', '街灯', 'Streetlights')$$,
  'an organiser creates a layer'
);
select lives_ok(
  $$insert into public.assets (layer_id, external_id, name, location)
    select id, 'L-1', 'first', extensions.st_setsrid(extensions.st_makepoint(140.1, 35.6), 4326)
    from public.asset_layers where code = 'pgtap-lights'$$,
  'an organiser adds an asset'
);
select throws_ok(
  $$insert into public.assets (layer_id, external_id, location)
    select id, 'L-1', extensions.st_setsrid(extensions.st_makepoint(140.2, 35.6), 4326)
    from public.asset_layers where code = 'pgtap-lights'$$,
  '23505', null,
  'a layer refuses a second asset with the same external id'
);
select throws_ok(
  $$insert into public.asset_layers (code, name_ja, name_en) values ('Bad Code!', 'x', 'x')$$,
  '23514', null,
  'a layer code is lowercase letters, digits and hyphens'
);
select throws_ok(
  $$insert into public.assets (layer_id, external_id, location, properties)
    select id, 'L-2', extensions.st_setsrid(extensions.st_makepoint(140.2, 35.6), 4326), '[1]'
    from public.asset_layers where code = 'pgtap-lights'$$,
  '23514', null,
  'an asset''s properties are a JSON object'
);
reset role;

select pg_temp.act_as('00000000-0000-4000-8000-000000000303');
select lives_ok(
  $$update public.assets set name = 'renamed by admin' where external_id = 'L-1'$$,
  'an admin changes an asset'
);
reset role;

select pg_temp.act_as(null);
select is(
  (select count(*)::int from public.assets a join public.asset_layers l on l.id = a.layer_id
   where l.code = 'pgtap-lights'),
  1,
  'a visitor reads layers and assets'
);
select throws_ok(
  $$insert into public.asset_layers (code, name_ja, name_en) values ('visitor-layer', 'x', 'x')$$,
  '42501', null,
  'a visitor cannot create a layer'
);
reset role;

select pg_temp.act_as('00000000-0000-4000-8000-000000000301');
select throws_ok(
  $$insert into public.assets (layer_id, external_id, location)
    select id, 'C-1', extensions.st_setsrid(extensions.st_makepoint(140.3, 35.6), 4326)
    from public.asset_layers where code = 'pgtap-lights'$$,
  '42501', null,
  'a citizen cannot add an asset'
);
update public.assets set name = 'vandalised' where external_id = 'L-1';
select throws_ok(
  $$select row_number, outcome from public.import_asset_batch(
    (select id from public.asset_layers where code = 'pgtap-lights'), '{1}', '{C-2}', '{x}',
    '{140.3}', '{35.6}', array['{}'::jsonb], false)$$,
  'MQ300', 'inventory_not_allowed',
  'a citizen cannot run an import batch'
);
select throws_ok(
  $$insert into public.asset_imports (layer_id, file_name, format, encoding, content)
    select id, 'x.csv', 'csv', 'utf-8', '\x00' from public.asset_layers where code = 'pgtap-lights'$$,
  '42501', null,
  'a citizen cannot upload an import'
);
reset role;

select is(
  (select name from public.assets where external_id = 'L-1'),
  'renamed by admin',
  'a citizen''s update of an asset changes nothing'
);

select pg_temp.act_as('00000000-0000-4000-8000-000000000302');
select results_eq(
  $$select row_number, outcome from public.import_asset_batch(
    (select id from public.asset_layers where code = 'pgtap-lights'),
    '{1,2,3}', '{L-1,L-3,L-4}', '{renamed again,new,same place}',
    '{140.1,0.5,140.1}', '{35.6,0.5,35.6}', array['{}'::jsonb, '{}', '{}'], false)
    order by row_number$$,
  $$values (1, 'updated'), (2, 'inserted'), (3, 'duplicate_position')$$,
  'an import batch upserts by external id and skips a second asset at a taken position'
);
select throws_ok(
  $$select row_number, outcome from public.import_asset_batch(
    (select id from public.asset_layers where code = 'pgtap-lights'), '{1,2}', '{x}', '{x}',
    '{1}', '{1}', array['{}'::jsonb], false)$$,
  'MQ302', 'import_bad_batch',
  'an import batch whose arrays differ in length is refused'
);
reset role;

select * from finish();
rollback;
