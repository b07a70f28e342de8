-- finalize_campaign freezes a final campaign's standings exactly once: a second call returns
-- false and leaves the frozen results as they were, even if the ledger changed since.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(8);

insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000000601', 'daichi@example.test'),
  ('00000000-0000-4000-8000-000000000602', 'emi@example.test'),
  ('00000000-0000-4000-8000-000000000603', 'fumi@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000000601', 'final-daichi', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000000602', 'final-emi', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000000603', 'final-fumi', 'chuo', 'test');

insert into public.campaigns (id, title, starts_at, ends_at, review_window, published_at) values
  ('00000000-0000-4000-8000-0000000c0601', 'Finished campaign',
   now() - interval '20 days', now() - interval '10 days', interval '3 days', now() - interval '21 days'),
  ('00000000-0000-4000-8000-0000000c0602', 'Still open campaign',
   now() - interval '1 day', now() + interval '6 days', interval '3 days', now() - interval '2 days');

insert into public.point_events (user_id, campaign_id, points, reason) values
  ('00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-0000000c0601', 30, 'entry_approved'),
  ('00000000-0000-4000-8000-000000000602', '00000000-0000-4000-8000-0000000c0601', 10, 'entry_approved'),
  ('00000000-0000-4000-8000-000000000603', '00000000-0000-4000-8000-0000000c0601', 10, 'entry_approved'),
  ('00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-0000000c0602', 10, 'entry_approved');

select is(public.finalize_campaign('00000000-0000-4000-8000-0000000c0602'), false,
  'a campaign that is not final cannot be finalized');

select is(public.finalize_campaign('00000000-0000-4000-8000-0000000c0601'), true,
  'the first call freezes a final campaign''s standings');
select results_eq(
  $$select user_id, rank, points from public.campaign_results
    where campaign_id = '00000000-0000-4000-8000-0000000c0601' order by rank, user_id$$,
  $$values ('00000000-0000-4000-8000-000000000601'::uuid, 1, 30),
           ('00000000-0000-4000-8000-000000000602'::uuid, 2, 10),
           ('00000000-0000-4000-8000-000000000603'::uuid, 2, 10)$$,
  'the frozen results rank people by their points, ties sharing a rank'
);
select isnt(
  (select finalized_at from public.campaigns where id = '00000000-0000-4000-8000-0000000c0601'),
  null,
  'finalizing records when the standings were frozen'
);

-- Points that arrive after the freeze must not change the results.
insert into public.point_events (user_id, campaign_id, points, reason) values
  ('00000000-0000-4000-8000-000000000603', '00000000-0000-4000-8000-0000000c0601', 50, 'bonus');

select is(public.finalize_campaign('00000000-0000-4000-8000-0000000c0601'), false,
  'a second call returns false');
select results_eq(
  $$select user_id, rank, points from public.campaign_results
    where campaign_id = '00000000-0000-4000-8000-0000000c0601' order by rank, user_id$$,
  $$values ('00000000-0000-4000-8000-000000000601'::uuid, 1, 30),
           ('00000000-0000-4000-8000-000000000602'::uuid, 2, 10),
           ('00000000-0000-4000-8000-000000000603'::uuid, 2, 10)$$,
  'the second call leaves the frozen results unchanged'
);
select results_eq(
  $$select nickname, points from public.campaign_standings('00000000-0000-4000-8000-0000000c0601')$$,
  $$values ('final-daichi'::text, 30::bigint), ('final-emi', 10), ('final-fumi', 10)$$,
  'the standings of a finalized campaign are the frozen ones'
);
select is(
  (select count(*)::integer from public.campaign_results
   where campaign_id = '00000000-0000-4000-8000-0000000c0602'),
  0,
  'a refused finalize freezes nothing'
);

select * from finish();
rollback;
