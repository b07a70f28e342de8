-- What volunteering has done for the city as a whole: anyone may read the totals, which name
-- nobody (the rows behind them stay private to their volunteer and the staff).
create or replace function public.volunteer_totals()
returns table (volunteers integer, fixes_done integer, minutes integer, events_held integer, attendances integer)
language sql stable security definer
set search_path = ''
as $$
  select
    (select count(*)::integer from public.volunteers),
    (select count(*)::integer from public.fix_claims where state = 'completed'),
    (select coalesce(sum(minutes), 0)::integer from public.fix_claims where state = 'completed'),
    (select count(distinct event_id)::integer from public.event_signups where attended),
    (select count(*)::integer from public.event_signups where attended)
$$;
