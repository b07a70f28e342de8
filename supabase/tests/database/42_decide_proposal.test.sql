-- accept_proposal turns an open proposal into a draft campaign prefilled from it (an asset check
-- on the inventory layer the organiser chooses) and credits the proposer once; decline_proposal
-- needs a public reason; only organisers decide.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(15);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

insert into public.areas (id, code, kind, name_ja, name_en, geom) overriding system value values
  (94201, '94201', 'ward', 'テスト区A', 'Test ward A',
   extensions.st_geomfromtext(
     'MULTIPOLYGON(((140.10 35.60, 140.11 35.60, 140.11 35.61, 140.10 35.61, 140.10 35.60)))', 4326)),
  (94202, '94202', 'ward', 'テスト区B', 'Test ward B',
   extensions.st_geomfromtext(
     'MULTIPOLYGON(((140.11 35.60, 140.12 35.60, 140.12 35.61, 140.11 35.61, 140.11 35.60)))', 4326));
insert into public.asset_layers (id, code, name_ja, name_en) overriding system value values
  (94201, 'test-mirrors-4201', 'カーブミラー', 'Curve mirrors');
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000004201', 'proposer@example.test'),
  ('00000000-0000-4000-8000-000000004202', 'organiser@example.test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000004201', 'citizen'),
  ('00000000-0000-4000-8000-000000004202', 'citizen'),
  ('00000000-0000-4000-8000-000000004202', 'organiser');
insert into public.proposals (id, author_id, title, description, kind, ward_codes, starts_on, ends_on) values
  ('00000000-0000-4000-8000-0000000d4201', '00000000-0000-4000-8000-000000004201',
   'Curve mirror check', 'Check every curve mirror in two wards.', 'asset_check', '{94201,94202}',
   '2027-06-01', '2027-06-15'),
  ('00000000-0000-4000-8000-0000000d4202', '00000000-0000-4000-8000-000000004201',
   'Pothole week', 'A week of pothole reports, any time.', 'report_drive', '{94201}', null, null);

select pg_temp.act_as('00000000-0000-4000-8000-000000004201');
select throws_ok(
  $$select public.accept_proposal('00000000-0000-4000-8000-0000000d4201')$$,
  'MQ403', 'proposal_not_allowed',
  'a citizen cannot accept a proposal'
);
select throws_ok(
  $$select public.decline_proposal('00000000-0000-4000-8000-0000000d4201', 'No.')$$,
  'MQ403', 'proposal_not_allowed',
  'a citizen cannot decline a proposal'
);
reset role;

select pg_temp.act_as('00000000-0000-4000-8000-000000004202');
select throws_ok(
  $$select public.accept_proposal('00000000-0000-4000-8000-0000000d4201')$$,
  'MQ408', 'proposal_layer_required',
  'an asset-check proposal is accepted only with the inventory layer to check'
);
create temporary table made on commit drop as
  select public.accept_proposal('00000000-0000-4000-8000-0000000d4201', 94201) as id;
grant select on made to authenticated;

select results_eq(
  $$select c.kind, c.title, c.description, c.published_at is null, c.proposal_id,
      c.starts_at, c.ends_at, c.asset_layer_id
    from public.campaigns c where c.id = (select id from made)$$,
  $$values ('asset_check'::text, 'Curve mirror check'::text,
      'Check every curve mirror in two wards.'::text, true,
      '00000000-0000-4000-8000-0000000d4201'::uuid,
      '2027-06-01 09:00+09'::timestamptz, '2027-06-15 18:00+09'::timestamptz, 94201::bigint)$$,
  'accepting makes a draft campaign prefilled from the proposal'
);
select results_eq(
  $$select a.code from public.campaign_areas ca join public.areas a on a.id = ca.area_id
    where ca.campaign_id = (select id from made) order by a.code$$,
  $$values ('94201'::text), ('94202'::text)$$,
  'the draft campaign covers the suggested wards'
);
select results_eq(
  $$select status, campaign_id from public.proposals where id = '00000000-0000-4000-8000-0000000d4201'$$,
  $$select 'accepted'::text, id from made$$,
  'the proposal is accepted and links to its campaign'
);
select results_eq(
  $$select points, reason, campaign_id from public.point_events
    where user_id = '00000000-0000-4000-8000-000000004201'$$,
  $$values (50, 'proposal_accepted'::text, null::uuid)$$,
  'the proposer is credited with one ledger line'
);
select throws_ok(
  $$select public.accept_proposal('00000000-0000-4000-8000-0000000d4201', 94201)$$,
  'MQ401', 'proposal_not_open',
  'a proposal is accepted only once'
);
select is(
  (select count(*)::integer from public.point_events
   where user_id = '00000000-0000-4000-8000-000000004201'),
  1,
  'a second acceptance credits nothing more'
);
select throws_ok(
  $$select public.decline_proposal('00000000-0000-4000-8000-0000000d4201', 'Too late.')$$,
  'MQ401', 'proposal_not_open',
  'an accepted proposal cannot be declined'
);

select throws_ok(
  $$select public.decline_proposal('00000000-0000-4000-8000-0000000d4202', '   ')$$,
  'MQ404', 'proposal_reason_required',
  'declining without a reason is refused'
);
select lives_ok(
  $$select public.decline_proposal('00000000-0000-4000-8000-0000000d4202',
    ' A pothole week is already planned for May. ')$$,
  'declining with a reason works'
);
select results_eq(
  $$select status, decline_reason, campaign_id from public.proposals
    where id = '00000000-0000-4000-8000-0000000d4202'$$,
  $$values ('declined'::text, 'A pothole week is already planned for May.'::text, null::uuid)$$,
  'the declined proposal keeps the trimmed reason and has no campaign'
);
select throws_ok(
  $$select public.accept_proposal('00000000-0000-4000-8000-0000000d4202')$$,
  'MQ401', 'proposal_not_open',
  'a declined proposal cannot be accepted'
);
reset role;

select pg_temp.act_as(null);
select is(
  (select decline_reason from public.proposals where id = '00000000-0000-4000-8000-0000000d4202'),
  'A pothole week is already planned for May.',
  'the reason for declining is public'
);
reset role;

select * from finish();
rollback;
