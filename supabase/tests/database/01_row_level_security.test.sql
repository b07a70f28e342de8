-- Row-level security is the last line of defence: every table in public must have it on, and
-- neither a visitor (anon) nor a plain citizen may create a campaign.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(4);

-- Acts as a visitor (null) or a signed-in person until `reset role`, as the app's asUser() does.
create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

select cmp_ok(
  (select count(*)::integer from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p')),
  '>=', 10,
  'the public schema holds the application''s tables'
);

select is(
  (select coalesce(array_agg(c.relname::text order by c.relname), '{}')
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity),
  '{}'::text[],
  'every table in public has row-level security enabled'
);

insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000000101', 'rls-citizen@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000000101', 'rls-citizen', 'chuo', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000000101', 'citizen');

select pg_temp.act_as(null);
select throws_ok(
  $$insert into public.campaigns (title, starts_at, ends_at, published_at)
    values ('Visitor campaign', now(), now() + interval '7 days', now())$$,
  '42501', null,
  'a visitor cannot create a campaign'
);
reset role;

select pg_temp.act_as('00000000-0000-4000-8000-000000000101');
select throws_ok(
  $$insert into public.campaigns (title, starts_at, ends_at, published_at)
    values ('Citizen campaign', now(), now() + interval '7 days', now())$$,
  '42501', null,
  'a citizen without the organiser role cannot create a campaign'
);
reset role;

select * from finish();
rollback;
