-- vote_proposal and unvote_proposal: one vote per person, a second vote or withdrawal changes
-- nothing, no vote on one's own proposal or on a decided one, and the count always matches.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(10);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

insert into public.areas (id, code, kind, name_ja, name_en, geom) overriding system value values
  (94101, '94101', 'ward', 'テスト区', 'Test ward',
   extensions.st_geomfromtext(
     'MULTIPOLYGON(((140.10 35.60, 140.11 35.60, 140.11 35.61, 140.10 35.61, 140.10 35.60)))', 4326));
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000004101', 'author@example.test'),
  ('00000000-0000-4000-8000-000000004102', 'voter@example.test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000004101', 'citizen'),
  ('00000000-0000-4000-8000-000000004102', 'citizen');
insert into public.proposals (id, author_id, title, description, kind, ward_codes, status, decline_reason) values
  ('00000000-0000-4000-8000-0000000d4101', '00000000-0000-4000-8000-000000004101',
   'Open idea', 'An idea still open to votes.', 'photo_hunt', '{94101}', 'open', null),
  ('00000000-0000-4000-8000-0000000d4102', '00000000-0000-4000-8000-000000004101',
   'Declined idea', 'An idea the city declined.', 'photo_hunt', '{94101}', 'declined', 'Done last year.');

select pg_temp.act_as('00000000-0000-4000-8000-000000004102');
select is(public.vote_proposal('00000000-0000-4000-8000-0000000d4101'), 1,
  'a vote counts');
select is(public.vote_proposal('00000000-0000-4000-8000-0000000d4101'), 1,
  'a second vote by the same person changes nothing');
select is(
  (select count(*)::integer from public.proposal_votes
   where proposal_id = '00000000-0000-4000-8000-0000000d4101'),
  1,
  'the person holds one vote, which they can see'
);
select throws_ok(
  $$select public.vote_proposal('00000000-0000-4000-8000-0000000d4102')$$,
  'MQ401', 'proposal_not_open',
  'a vote on a declined proposal is refused'
);
select throws_ok(
  $$select public.vote_proposal('00000000-0000-4000-8000-00000000dead')$$,
  'MQ400', 'proposal_not_found',
  'a vote on a proposal that does not exist is refused'
);
select is(public.unvote_proposal('00000000-0000-4000-8000-0000000d4101'), 0,
  'a vote can be withdrawn');
select is(public.unvote_proposal('00000000-0000-4000-8000-0000000d4101'), 0,
  'withdrawing again changes nothing');
reset role;

select pg_temp.act_as('00000000-0000-4000-8000-000000004101');
select throws_ok(
  $$select public.vote_proposal('00000000-0000-4000-8000-0000000d4101')$$,
  'MQ402', 'proposal_own_vote',
  'nobody votes for their own proposal'
);
reset role;

select pg_temp.act_as(null);
select throws_ok(
  $$select public.vote_proposal('00000000-0000-4000-8000-0000000d4101')$$,
  'MQ407', 'proposal_sign_in_required',
  'a visitor cannot vote'
);
select is(
  (select count(*)::integer from public.proposal_votes),
  0,
  'a visitor sees nobody''s votes'
);
reset role;

select * from finish();
rollback;
