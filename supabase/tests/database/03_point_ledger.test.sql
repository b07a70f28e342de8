-- The points ledger is append-only: points are added by new events, never by editing or
-- deleting old ones, even by the database owner.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(4);

insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000000301', 'ledger@example.test');

select lives_ok(
  $$insert into public.point_events (user_id, points, reason)
    values ('00000000-0000-4000-8000-000000000301', 5, 'bonus')$$,
  'a point event can be appended to the ledger'
);
select throws_ok(
  $$update public.point_events set points = 500
    where user_id = '00000000-0000-4000-8000-000000000301'$$,
  'MQ900', 'point_events is append-only',
  'updating a point event is refused'
);
select throws_ok(
  $$delete from public.point_events where user_id = '00000000-0000-4000-8000-000000000301'$$,
  'MQ900', 'point_events is append-only',
  'deleting a point event is refused'
);
select is(
  (select sum(points)::integer from public.point_events
   where user_id = '00000000-0000-4000-8000-000000000301'),
  5,
  'the refused changes leave the ledger as it was'
);

select * from finish();
rollback;
