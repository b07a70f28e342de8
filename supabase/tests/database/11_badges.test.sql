-- Badges are awarded exactly once: by the ledger's trigger for entries, checks, proposals and
-- fixes, by award_badge for the hooks without a ledger line, and by finalize_campaign for the
-- closing badges, once per campaign.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(12);

insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000001101', 'gen@example.test'),
  ('00000000-0000-4000-8000-000000001102', 'haru@example.test'),
  ('00000000-0000-4000-8000-000000001103', 'ichi@example.test'),
  ('00000000-0000-4000-8000-000000001104', 'jun@example.test'),
  ('00000000-0000-4000-8000-000000001105', 'kei@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version)
select id, 'badge-' || split_part(email, '@', 1), '12101', 'test' from auth.users
where id::text like '00000000-0000-4000-8000-0000000011%';
insert into public.campaigns (id, title, starts_at, ends_at, review_window, published_at) values
  ('00000000-0000-4000-8000-0000000c1101', 'Finished badge campaign',
   now() - interval '20 days', now() - interval '10 days', interval '3 days', now() - interval '21 days');

create function pg_temp.badges_of(person uuid) returns text[] language sql as $f$
  select coalesce(array_agg(badge_code order by badge_code), '{}') from public.badge_awards
  where user_id = person
$f$;

-- Gen: nine approved entries in one statement, then a tenth, then more.
insert into public.point_events (user_id, campaign_id, points, reason)
select '00000000-0000-4000-8000-000000001101', '00000000-0000-4000-8000-0000000c1101', 10, 'entry_approved'
from generate_series(1, 9);
select is(pg_temp.badges_of('00000000-0000-4000-8000-000000001101'), '{first_entry}',
  'nine approved entries earn the first-entry badge, once');
insert into public.point_events (user_id, campaign_id, points, reason)
values ('00000000-0000-4000-8000-000000001101', '00000000-0000-4000-8000-0000000c1101', 10, 'entry_approved');
insert into public.point_events (user_id, campaign_id, points, reason)
values ('00000000-0000-4000-8000-000000001101', '00000000-0000-4000-8000-0000000c1101', 10, 'entry_approved');
select is(pg_temp.badges_of('00000000-0000-4000-8000-000000001101'), '{first_entry,ten_entries}',
  'the tenth approved entry earns the ten-entries badge, and the eleventh earns nothing more');

-- Haru: ten entries of which one was withdrawn is nine.
insert into public.point_events (user_id, campaign_id, points, reason)
select '00000000-0000-4000-8000-000000001102', '00000000-0000-4000-8000-0000000c1101', 5, 'entry_approved'
from generate_series(1, 10);
insert into public.point_events (user_id, campaign_id, points, reason)
values ('00000000-0000-4000-8000-000000001102', '00000000-0000-4000-8000-0000000c1101', -5, 'entry_withdrawn');
select is(pg_temp.badges_of('00000000-0000-4000-8000-000000001102'), '{first_entry,ten_entries}',
  'a badge once earned stays when an entry is withdrawn');

-- Ichi: checks, a proposal and a fix.
insert into public.point_events (user_id, campaign_id, points, reason)
select '00000000-0000-4000-8000-000000001103', '00000000-0000-4000-8000-0000000c1101', 1, 'first_check'
from generate_series(1, 10);
insert into public.point_events (user_id, points, reason) values
  ('00000000-0000-4000-8000-000000001103', 20, 'proposal_accepted'),
  ('00000000-0000-4000-8000-000000001103', 20, 'fix_verified'),
  ('00000000-0000-4000-8000-000000001103', 20, 'fix_verified');
select is(pg_temp.badges_of('00000000-0000-4000-8000-000000001103'), '{inspector,proposer,volunteer}',
  'ten first checks, an accepted proposal and verified fixes earn their badges once each');

-- The reports feature's hook.
select is(public.award_badge('00000000-0000-4000-8000-000000001104', 'first_report'), true,
  'award_badge awards a new badge');
select is(public.award_badge('00000000-0000-4000-8000-000000001104', 'first_report'), false,
  'award_badge awards it only once');
select throws_ok(
  $$insert into public.badge_awards (user_id, badge_code)
    values ('00000000-0000-4000-8000-000000001104', 'first_report')$$,
  '23505', null, 'the unique constraint refuses a second award of the same badge'
);

create function pg_temp.act_as(person uuid) returns void language sql as $f$
  select set_config('role', 'authenticated', true),
    set_config('request.jwt.claims', json_build_object('sub', person, 'role', 'authenticated')::text, true)
$f$;
select pg_temp.act_as('00000000-0000-4000-8000-000000001105');
select throws_ok(
  $$select public.award_badge('00000000-0000-4000-8000-000000001105', 'top_three')$$,
  '42501', null, 'a citizen cannot award themselves a badge'
);
reset role;

-- Closing badges: Kei scores 1 point, so the top three are Gen (110), Haru (45), Ichi (10).
insert into public.point_events (user_id, campaign_id, points, reason)
values ('00000000-0000-4000-8000-000000001105', '00000000-0000-4000-8000-0000000c1101', 1, 'bonus');
select is(public.finalize_campaign('00000000-0000-4000-8000-0000000c1101'), true,
  'the campaign is finalized');
select results_eq(
  $$select u.email::text, array_agg(a.badge_code order by a.badge_code)
    from public.badge_awards a join auth.users u on u.id = a.user_id
    where a.campaign_id = '00000000-0000-4000-8000-0000000c1101'
    group by u.email order by u.email$$,
  $$values ('gen@example.test'::text, '{campaign_finished,top_three}'::text[]),
           ('haru@example.test', '{campaign_finished,top_three}'),
           ('ichi@example.test', '{campaign_finished,top_three}'),
           ('kei@example.test', '{campaign_finished}')$$,
  'finalizing awards everyone in the results the campaign badge and the top three theirs'
);
select is(public.finalize_campaign('00000000-0000-4000-8000-0000000c1101'), false, 'a second finalize is refused');
select is(
  (select count(*)::integer from public.badge_awards
   where campaign_id = '00000000-0000-4000-8000-0000000c1101'),
  7, 'a second finalize awards nothing more'
);

select * from finish();
rollback;
