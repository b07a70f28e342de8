-- Teams: only in campaigns that allow them, one team per person per campaign, standings by the
-- sum of the members' campaign points.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(9);

insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000001201', 'lena@example.test'),
  ('00000000-0000-4000-8000-000000001202', 'mio@example.test'),
  ('00000000-0000-4000-8000-000000001203', 'nao@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version)
select id, 'team-' || split_part(email, '@', 1), '12101', 'test' from auth.users
where id::text like '00000000-0000-4000-8000-0000000012%';
insert into public.campaigns (id, title, starts_at, ends_at, published_at, allow_teams) values
  ('00000000-0000-4000-8000-0000000c1201', 'Team campaign',
   now() - interval '1 day', now() + interval '6 days', now() - interval '2 days', true),
  ('00000000-0000-4000-8000-0000000c1202', 'Solo campaign',
   now() - interval '1 day', now() + interval '6 days', now() - interval '2 days', false);

create function pg_temp.act_as(person uuid) returns void language sql as $f$
  select set_config('role', 'authenticated', true),
    set_config('request.jwt.claims', json_build_object('sub', person, 'role', 'authenticated')::text, true)
$f$;

select pg_temp.act_as('00000000-0000-4000-8000-000000001201');
select lives_ok($$select public.join_team('00000000-0000-4000-8000-0000000c1201', ' Inage Owls ')$$,
  'a participant creates a team by joining it under a new name');
select throws_ok($$select public.join_team('00000000-0000-4000-8000-0000000c1201', 'Chuo Cats')$$,
  'MQ104', 'team_already_joined', 'a person joins only one team per campaign');
select throws_ok($$select public.join_team('00000000-0000-4000-8000-0000000c1202', 'Chuo Cats')$$,
  'MQ101', 'team_not_allowed', 'a campaign without teams refuses a team');
select throws_ok($$insert into public.teams (campaign_id, name) values ('00000000-0000-4000-8000-0000000c1201', 'Sneaky')$$,
  '42501', null, 'teams are not written directly');
select pg_temp.act_as('00000000-0000-4000-8000-000000001202');
select is(public.join_team('00000000-0000-4000-8000-0000000c1201', 'inage owls'),
  (select id from public.teams where name = 'Inage Owls' and campaign_id = '00000000-0000-4000-8000-0000000c1201'),
  'the same name in other letter case joins the existing team');
select pg_temp.act_as('00000000-0000-4000-8000-000000001203');
select is(public.join_team('00000000-0000-4000-8000-0000000c1201', 'Chuo Cats') is not null, true, 'a second team is made under another name');
reset role;

select throws_ok(
  $$insert into public.team_members (campaign_id, user_id, team_id)
    values ('00000000-0000-4000-8000-0000000c1201', '00000000-0000-4000-8000-000000001201',
      (select id from public.teams where name = 'Chuo Cats' and campaign_id = '00000000-0000-4000-8000-0000000c1201'))$$,
  '23505', null, 'the primary key keeps one team per person per campaign, even for the owner'
);

insert into public.point_events (user_id, campaign_id, points, reason) values
  ('00000000-0000-4000-8000-000000001201', '00000000-0000-4000-8000-0000000c1201', 10, 'entry_approved'),
  ('00000000-0000-4000-8000-000000001202', '00000000-0000-4000-8000-0000000c1201', 15, 'entry_approved'),
  ('00000000-0000-4000-8000-000000001203', '00000000-0000-4000-8000-0000000c1201', 20, 'entry_approved');
select results_eq(
  $$select name, members, points, rank from public.team_standings('00000000-0000-4000-8000-0000000c1201')$$,
  $$values ('Inage Owls'::text, 2::bigint, 25::bigint, 1::bigint), ('Chuo Cats', 1, 20, 2)$$,
  'team standings sum the members'' campaign points'
);
select is(
  (select count(*)::integer from public.campaign_participants
   where campaign_id = '00000000-0000-4000-8000-0000000c1201'),
  3, 'joining a team joins the campaign'
);

select * from finish();
rollback;
