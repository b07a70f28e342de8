-- The ledger's trigger keeps the totals per campaign, per Tokyo month and per lifetime equal to
-- the ledger's sums, with the moment each score was reached, so that ties go to whoever
-- reached the score first; the standings and the freeze read them.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(12);

insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000001001', 'aki@example.test'),
  ('00000000-0000-4000-8000-000000001002', 'ben@example.test'),
  ('00000000-0000-4000-8000-000000001003', 'chika@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000001001', 'totals-aki', '12101', 'test'),
  ('00000000-0000-4000-8000-000000001002', 'totals-ben', '12102', 'test'),
  ('00000000-0000-4000-8000-000000001003', 'totals-chika', '12101', 'test');
insert into public.campaigns (id, title, starts_at, ends_at, published_at) values
  ('00000000-0000-4000-8000-0000000c1001', 'Totals campaign',
   now() - interval '40 days', now() + interval '5 days', now() - interval '41 days');

-- Aki reaches 30 first (in October, Tokyo time); Ben reaches 30 later; Chika has 5 then loses them.
insert into public.point_events (user_id, campaign_id, points, reason, created_at) values
  ('00000000-0000-4000-8000-000000001001', '00000000-0000-4000-8000-0000000c1001', 20, 'entry_approved', '2026-10-31 14:00+00'),
  ('00000000-0000-4000-8000-000000001001', '00000000-0000-4000-8000-0000000c1001', 10, 'entry_approved', '2026-10-31 15:30+00');
insert into public.point_events (user_id, campaign_id, points, reason, created_at) values
  ('00000000-0000-4000-8000-000000001002', '00000000-0000-4000-8000-0000000c1001', 30, 'entry_approved', '2026-11-02 09:00+00'),
  ('00000000-0000-4000-8000-000000001003', '00000000-0000-4000-8000-0000000c1001', 5, 'bonus', '2026-11-02 09:00+00');
insert into public.point_events (user_id, campaign_id, points, reason, created_at) values
  ('00000000-0000-4000-8000-000000001003', '00000000-0000-4000-8000-0000000c1001', -5, 'entry_withdrawn', '2026-11-03 09:00+00');
insert into public.point_events (user_id, points, reason, created_at) values
  ('00000000-0000-4000-8000-000000001001', 7, 'bonus', '2026-11-05 09:00+00');

select results_eq(
  $$select user_id, points, reached_at from public.campaign_totals
    where campaign_id = '00000000-0000-4000-8000-0000000c1001' order by user_id$$,
  $$values ('00000000-0000-4000-8000-000000001001'::uuid, 30, '2026-10-31 15:30+00'::timestamptz),
           ('00000000-0000-4000-8000-000000001002'::uuid, 30, '2026-11-02 09:00+00'::timestamptz),
           ('00000000-0000-4000-8000-000000001003'::uuid, 0, '2026-11-03 09:00+00'::timestamptz)$$,
  'campaign totals are the ledger sums, reached when the last line changed them'
);
select is(
  (select points from public.lifetime_totals where user_id = '00000000-0000-4000-8000-000000001001'),
  37, 'lifetime totals include lines outside any campaign'
);
select results_eq(
  $$select month, points from public.monthly_totals
    where user_id = '00000000-0000-4000-8000-000000001001' order by month$$,
  $$values ('2026-10-01'::date, 20), ('2026-11-01'::date, 17)$$,
  'a line at 00:30 on 1 November in Tokyo counts for November, not October'
);
select is(
  (select count(*)::integer from public.campaign_totals t
   where t.points <> (select sum(e.points) from public.point_events e
                      where e.campaign_id = t.campaign_id and e.user_id = t.user_id)),
  0, 'every campaign total equals its ledger sum'
);
select is(
  (select count(*)::integer from public.lifetime_totals t
   where t.points <> (select sum(e.points) from public.point_events e where e.user_id = t.user_id)),
  0, 'every lifetime total equals its ledger sum'
);

select results_eq(
  $$select nickname, points, rank from public.campaign_standings('00000000-0000-4000-8000-0000000c1001')$$,
  $$values ('totals-aki'::text, 30::bigint, 1::bigint), ('totals-ben', 30, 2)$$,
  'a tie on points goes to whoever reached the score first; nobody with 0 points is ranked'
);

-- Ben goes ahead, then falls back to 30: he reached 30 again later, so Aki stays ahead.
insert into public.point_events (user_id, campaign_id, points, reason, created_at) values
  ('00000000-0000-4000-8000-000000001002', '00000000-0000-4000-8000-0000000c1001', 10, 'bonus', '2026-11-06 09:00+00');
select results_eq(
  $$select nickname, rank from public.campaign_standings('00000000-0000-4000-8000-0000000c1001')$$,
  $$values ('totals-ben'::text, 1::bigint), ('totals-aki', 2)$$,
  'more points put a person ahead'
);
insert into public.point_events (user_id, campaign_id, points, reason, created_at) values
  ('00000000-0000-4000-8000-000000001002', '00000000-0000-4000-8000-0000000c1001', -10, 'entry_withdrawn', '2026-11-07 09:00+00');
select results_eq(
  $$select nickname, rank from public.campaign_standings('00000000-0000-4000-8000-0000000c1001')$$,
  $$values ('totals-aki'::text, 1::bigint), ('totals-ben', 2)$$,
  'falling back to a tied score counts from when it was reached again'
);

-- Hiding: the profile setting reaches every total of the person.
update public.profiles set hide_from_leaderboards = true
where id = '00000000-0000-4000-8000-000000001001';
select is(
  (select bool_and(hidden) from (
    select hidden from public.campaign_totals where user_id = '00000000-0000-4000-8000-000000001001'
    union all select hidden from public.monthly_totals where user_id = '00000000-0000-4000-8000-000000001001'
    union all select hidden from public.lifetime_totals where user_id = '00000000-0000-4000-8000-000000001001'
  ) h),
  true, 'hiding oneself marks all one''s totals hidden'
);
update public.profiles set home_ward_code = '12106'
where id = '00000000-0000-4000-8000-000000001002';
select is(
  (select ward_code from public.lifetime_totals where user_id = '00000000-0000-4000-8000-000000001002'),
  '12106', 'moving ward moves the person''s totals to the new ward''s board'
);

-- The totals cannot be written by a citizen.
create function pg_temp.act_as(person uuid) returns void language sql as $f$
  select set_config('role', 'authenticated', true),
    set_config('request.jwt.claims', json_build_object('sub', person, 'role', 'authenticated')::text, true)
$f$;
select pg_temp.act_as('00000000-0000-4000-8000-000000001003');
update public.lifetime_totals set points = 9999 where user_id = '00000000-0000-4000-8000-000000001003';
reset role;
select is(
  (select points from public.lifetime_totals where user_id = '00000000-0000-4000-8000-000000001003'),
  0, 'a citizen cannot change their own total'
);

-- The board index serves a campaign's top 20.
create function pg_temp.plan_of(query text) returns text language plpgsql as $f$
declare
  line text;
  plan text := '';
begin
  for line in execute 'explain ' || query loop
    plan := plan || line || ' ';
  end loop;
  return plan;
end
$f$;
set local enable_seqscan = off;
select ok(
  pg_temp.plan_of($$select user_id from public.campaign_totals
      where campaign_id = '00000000-0000-4000-8000-0000000c1001' and points > 0 and not hidden
      order by points desc, reached_at, user_id limit 20$$) like '%campaign_totals_board_idx%',
  'a campaign''s top 20 is read from the board index'
);

select * from finish();
rollback;
