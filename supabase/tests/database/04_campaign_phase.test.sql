-- A campaign's phase follows from its dates and the database clock alone.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(6);

insert into public.campaigns (id, title, starts_at, ends_at, review_window, published_at, closed_at)
values
  ('00000000-0000-4000-8000-0000000c0401', 'Unpublished draft',
   now() - interval '1 day', now() + interval '6 days', interval '3 days', null, null),
  ('00000000-0000-4000-8000-0000000c0402', 'Starts next week',
   now() + interval '7 days', now() + interval '14 days', interval '3 days', now(), null),
  ('00000000-0000-4000-8000-0000000c0403', 'Running now',
   now() - interval '1 day', now() + interval '6 days', interval '3 days', now() - interval '2 days', null),
  ('00000000-0000-4000-8000-0000000c0404', 'Ended yesterday, in review',
   now() - interval '8 days', now() - interval '1 day', interval '3 days', now() - interval '9 days', null),
  ('00000000-0000-4000-8000-0000000c0405', 'Closed early by an organiser',
   now() - interval '2 days', now() + interval '5 days', interval '3 days', now() - interval '3 days',
   now() - interval '1 hour'),
  ('00000000-0000-4000-8000-0000000c0406', 'Review window over',
   now() - interval '20 days', now() - interval '10 days', interval '3 days', now() - interval '21 days', null);

create function pg_temp.phase_of(target uuid) returns text language sql as $$
  select public.campaign_phase(c) from public.campaigns c where c.id = target
$$;

select is(pg_temp.phase_of('00000000-0000-4000-8000-0000000c0401'), 'draft',
  'an unpublished campaign is a draft whatever its dates');
select is(pg_temp.phase_of('00000000-0000-4000-8000-0000000c0402'), 'scheduled',
  'a published campaign that has not started is scheduled');
select is(pg_temp.phase_of('00000000-0000-4000-8000-0000000c0403'), 'open',
  'a published campaign between its start and end is open');
select is(pg_temp.phase_of('00000000-0000-4000-8000-0000000c0404'), 'closed',
  'a campaign past its end but inside the review window is closed');
select is(pg_temp.phase_of('00000000-0000-4000-8000-0000000c0405'), 'closed',
  'a campaign closed early by an organiser is closed before its end date');
select is(pg_temp.phase_of('00000000-0000-4000-8000-0000000c0406'), 'final',
  'a campaign whose review window has passed is final');

select * from finish();
rollback;
