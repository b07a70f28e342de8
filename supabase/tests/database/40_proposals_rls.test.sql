-- Theme proposals are public; a citizen proposes only as themselves, only with real wards, at
-- most five a day, and cannot decide on a proposal or change its vote count by hand.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(11);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

insert into public.areas (id, code, kind, name_ja, name_en, geom) overriding system value values
  (94001, '94001', 'ward', 'テスト区', 'Test ward',
   extensions.st_geomfromtext(
     'MULTIPOLYGON(((140.10 35.60, 140.11 35.60, 140.11 35.61, 140.10 35.61, 140.10 35.60)))', 4326));
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000004001', 'aoi@example.test'),
  ('00000000-0000-4000-8000-000000004002', 'ben@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000004001', 'prop-aoi', '94001', 'test'),
  ('00000000-0000-4000-8000-000000004002', 'prop-ben', '94001', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000004001', 'citizen'),
  ('00000000-0000-4000-8000-000000004002', 'citizen');

select pg_temp.act_as('00000000-0000-4000-8000-000000004001');
select lives_ok(
  $$insert into public.proposals (id, title, description, kind, ward_codes) values
    ('00000000-0000-4000-8000-0000000d4001', 'Benches of the bay', 'Photograph every bench by the sea.',
     'photo_hunt', '{94001}')$$,
  'a citizen proposes a theme as themselves'
);
select throws_ok(
  $$insert into public.proposals (author_id, title, description, kind, ward_codes) values
    ('00000000-0000-4000-8000-000000004002', 'In Ben''s name', 'Someone else''s idea, not mine.',
     'photo_hunt', '{94001}')$$,
  '42501', null,
  'a citizen cannot propose in someone else''s name'
);
select throws_ok(
  $$insert into public.proposals (title, description, kind, ward_codes, status) values
    ('Already accepted', 'A proposal that accepts itself.', 'photo_hunt', '{94001}', 'accepted')$$,
  '42501', null,
  'a citizen cannot create a proposal that is already decided'
);
select throws_ok(
  $$insert into public.proposals (title, description, kind, ward_codes) values
    ('Nowhere', 'A theme in a ward that does not exist.', 'photo_hunt', '{00000}')$$,
  'MQ406', 'proposal_unknown_ward',
  'a proposal''s wards must be wards'
);
select throws_ok(
  $$insert into public.proposals (title, description, kind, ward_codes, starts_on, ends_on) values
    ('Backwards', 'A period that ends before it starts.', 'photo_hunt', '{94001}',
     '2027-05-10', '2027-05-01')$$,
  '23514', null,
  'a suggested period must end after it starts'
);
select lives_ok(
  $$insert into public.proposals (title, description, kind, ward_codes)
    select 'Idea ' || n, 'One more idea for the city.', 'asset_check', '{94001}'
    from generate_series(2, 5) n$$,
  'a citizen may propose up to five themes a day'
);
select throws_ok(
  $$insert into public.proposals (title, description, kind, ward_codes) values
    ('Idea 6', 'One idea too many for today.', 'photo_hunt', '{94001}')$$,
  'MQ405', 'proposal_rate_limited',
  'the sixth proposal within a day is refused'
);
update public.proposals set vote_count = 999, status = 'accepted';
select is(
  (select count(*)::integer from public.proposals
   where author_id = '00000000-0000-4000-8000-000000004001' and (vote_count = 999 or status <> 'open')),
  0,
  'a citizen cannot change a proposal (no votes or status by hand)'
);
select throws_ok(
  $$insert into public.proposal_votes (proposal_id, user_id) values
    ('00000000-0000-4000-8000-0000000d4001', '00000000-0000-4000-8000-000000004001')$$,
  '42501', null,
  'votes are cast only through vote_proposal'
);
reset role;

select pg_temp.act_as(null);
select is(
  (select title from public.proposals where id = '00000000-0000-4000-8000-0000000d4001'),
  'Benches of the bay',
  'a visitor reads proposals'
);
select throws_ok(
  $$insert into public.proposals (title, description, kind, ward_codes) values
    ('Visitor idea', 'A visitor cannot propose anything.', 'photo_hunt', '{94001}')$$,
  '42501', null,
  'a visitor cannot propose a theme'
);
reset role;

select * from finish();
rollback;
