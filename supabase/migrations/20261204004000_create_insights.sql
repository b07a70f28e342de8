-- Insights: the dashboard's figures, aggregated here so that a page reads a few hundred rows
-- however many reports there are. Periods are whole calendar months in Asia/Tokyo, from the
-- first month to the last (both included); a ward or category filter is a code, or null for all.
--
-- The public functions count rows everybody may read anyway (reports, profiles, fixes and their
-- claims) and run as the caller, except two definer functions that count rows people may not
-- read one by one (entries in every state; who reported in which month). The repair figures are
-- for staff and organisers: definer functions that check the role. None of them returns a
-- person, a contact or a note.

-- A dashboard reads a range of months: the columns it filters and counts by come with the index,
-- so that the reports of a period are read from the index alone where no monthly count answers.
create index reports_created_at_idx on public.reports (created_at)
  include (category_id, ward_id, reporter_id);
create index reports_resolved_at_idx on public.reports (resolved_at)
  include (created_at, category_id, ward_id, office_id) where status = 'resolved';
create index reports_open_created_idx on public.reports (created_at)
  include (category_id, ward_id) where status in ('received', 'in_progress');
create index profiles_created_at_idx on public.profiles (created_at);
create index fix_claims_completed_idx on public.fix_claims (verified_at)
  include (fix_id, minutes) where state = 'completed';
create index report_repairs_completed_on_idx on public.report_repairs (completed_on);

-- Reports per month (Asia/Tokyo), category, ward and channel, and each reporter's reports per
-- month, kept up to date by triggers on reports: the dashboard adds up a few thousand rows for a
-- period instead of reading every report in it.
create table public.report_month_counts (
  month date not null,
  category_id bigint not null references public.categories (id),
  -- 0 for reports without a ward, so that the key has no null in it
  ward_id bigint not null,
  channel text not null,
  reports integer not null default 0,
  primary key (month, category_id, ward_id, channel)
);
comment on table public.report_month_counts is
  'Reports per month (Asia/Tokyo), category, ward and channel; written only by triggers on reports.';
alter table public.report_month_counts enable row level security;
create policy "report month counts are public" on public.report_month_counts
  for select to anon, authenticated using (true);

create table public.reporter_months (
  month date not null,
  reporter_id uuid not null references auth.users (id) on delete cascade,
  reports integer not null default 0,
  primary key (month, reporter_id)
);
comment on table public.reporter_months is
  'Reports each reporter sent per month (Asia/Tokyo), to count active reporters; written only by triggers on reports.';
-- Only the number of people per month leaves this table (through insights_reporters, a definer
-- function), so nobody reads it directly: row-level security on, no policy.
alter table public.reporter_months enable row level security;

-- One report's share of the counts: +1 where it now is, -1 where it was.
create type public.report_month_delta as (
  created_at timestamptz, category_id bigint, ward_id bigint, channel text, reporter_id uuid,
  sign integer
);

-- security definer: the counts have no write policies; only this trigger keeps them. Adds what a
-- statement's new rows bring and takes away what its old rows took, in key order (two statements
-- touching the same keys lock them in the same order). An update that moves nothing counted here
-- (a status, an office) changes nothing.
create or replace function public.report_month_counts_apply()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  deltas public.report_month_delta[];
begin
  if tg_op = 'INSERT' then
    deltas := array(select row(n.created_at, n.category_id, n.ward_id, n.channel, n.reporter_id, 1)::public.report_month_delta
      from new_rows n);
  elsif tg_op = 'DELETE' then
    deltas := array(select row(o.created_at, o.category_id, o.ward_id, o.channel, o.reporter_id, -1)::public.report_month_delta
      from old_rows o);
  else
    deltas := array(
      select d from old_rows o join new_rows n on n.id = o.id
      cross join lateral (values
        (row(o.created_at, o.category_id, o.ward_id, o.channel, o.reporter_id, -1)::public.report_month_delta),
        (row(n.created_at, n.category_id, n.ward_id, n.channel, n.reporter_id, 1)::public.report_month_delta)) as v(d)
      where (n.created_at, n.category_id, n.ward_id, n.channel, n.reporter_id)
        is distinct from (o.created_at, o.category_id, o.ward_id, o.channel, o.reporter_id));
  end if;
  if cardinality(deltas) = 0 then
    return null;
  end if;

  insert into public.report_month_counts as c (month, category_id, ward_id, channel, reports)
  select date_trunc('month', d.created_at at time zone 'Asia/Tokyo')::date, d.category_id,
    coalesce(d.ward_id, 0), d.channel, sum(d.sign)
  from unnest(deltas) d
  group by 1, 2, 3, 4
  order by 1, 2, 3, 4
  on conflict (month, category_id, ward_id, channel) do update set reports = c.reports + excluded.reports;

  insert into public.reporter_months as r (month, reporter_id, reports)
  select date_trunc('month', d.created_at at time zone 'Asia/Tokyo')::date, d.reporter_id, sum(d.sign)
  from unnest(deltas) d
  where d.reporter_id is not null
  group by 1, 2
  order by 1, 2
  on conflict (month, reporter_id) do update set reports = r.reports + excluded.reports;
  delete from public.reporter_months r
  using unnest(deltas) d
  where r.reporter_id = d.reporter_id and r.reports <= 0
    and r.month = date_trunc('month', d.created_at at time zone 'Asia/Tokyo')::date;
  return null;
end
$$;
comment on function public.report_month_counts_apply is 'Keeps report_month_counts and reporter_months in step with reports.';
revoke execute on function public.report_month_counts_apply() from public;

-- Transition tables allow one event per trigger.
create trigger reports_month_counts_insert after insert on public.reports
  referencing new table as new_rows
  for each statement execute function public.report_month_counts_apply();
create trigger reports_month_counts_update after update on public.reports
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.report_month_counts_apply();
create trigger reports_month_counts_delete after delete on public.reports
  referencing old table as old_rows
  for each statement execute function public.report_month_counts_apply();

-- The reports already there.
insert into public.report_month_counts (month, category_id, ward_id, channel, reports)
select date_trunc('month', created_at at time zone 'Asia/Tokyo')::date, category_id,
  coalesce(ward_id, 0), channel, count(*)
from public.reports group by 1, 2, 3, 4;
insert into public.reporter_months (month, reporter_id, reports)
select date_trunc('month', created_at at time zone 'Asia/Tokyo')::date, reporter_id, count(*)
from public.reports where reporter_id is not null group by 1, 2;

-- The moments a period of months covers: [start of the first month, start of the month after
-- the last), in Tokyo time.
create or replace function public.insights_window(from_month date, to_month date)
returns tstzrange
language sql immutable
set search_path = ''
as $$
  select tstzrange(
    date_trunc('month', from_month::timestamp) at time zone 'Asia/Tokyo',
    (date_trunc('month', to_month::timestamp) + interval '1 month') at time zone 'Asia/Tokyo')
$$;
comment on function public.insights_window is 'The moments a period of whole months (Asia/Tokyo) covers, end excluded.';

-- Reports received per month, counted three ways: by category, by ward and by channel.
create or replace function public.insights_reports(
  from_month date, to_month date, ward text default null, category text default null
)
returns table (month date, dimension text, key text, reports integer)
language sql stable
set search_path = ''
as $$
  with counted as (
    select k.month, k.category_id, k.ward_id, k.channel,
      grouping(k.category_id, k.ward_id, k.channel) as g, sum(k.reports)::integer as reports
    from public.report_month_counts k
    where k.month >= date_trunc('month', from_month::timestamp)::date
      and k.month <= date_trunc('month', to_month::timestamp)::date
      and (ward is null or k.ward_id = (select id from public.areas a where a.kind = 'ward' and a.code = ward))
      and (category is null or k.category_id = (select id from public.categories c where c.code = category))
    group by grouping sets ((k.month, k.category_id), (k.month, k.ward_id), (k.month, k.channel))
    having sum(k.reports) <> 0
  )
  select k.month,
    case k.g when 3 then 'category' when 5 then 'ward' else 'channel' end,
    case k.g when 3 then c.code when 5 then coalesce(a.code, 'none') else k.channel end,
    k.reports
  from counted k
  left join public.categories c on c.id = k.category_id
  left join public.areas a on a.id = k.ward_id
  order by 1, 2, 3
$$;
comment on function public.insights_reports is 'Reports received per month of a period, by category, by ward and by channel.';

-- What is still open now, by how long it has waited: the age buckets of the staff queue.
create or replace function public.insights_backlog(ward text default null, category text default null)
returns table (bucket text, reports integer, oldest_days integer)
language sql stable
set search_path = ''
as $$
  with buckets (bucket, position) as (values
    ('0-7', 1), ('8-30', 2), ('31-90', 3), ('91-365', 4), ('366+', 5)),
  open_reports as (
    select floor(extract(epoch from now() - r.created_at) / 86400)::integer as days
    from public.reports r
    where r.status in ('received', 'in_progress')
      and (ward is null or r.ward_id = (select id from public.areas a where a.kind = 'ward' and a.code = ward))
      and (category is null or r.category_id = (select id from public.categories c where c.code = category))
  ),
  counted as (
    select case when o.days <= 7 then '0-7' when o.days <= 30 then '8-30' when o.days <= 90 then '31-90'
        when o.days <= 365 then '91-365' else '366+' end as bucket,
      count(*)::integer as reports, max(o.days) as oldest_days
    from open_reports o
    group by 1
  )
  select b.bucket, coalesce(c.reports, 0), c.oldest_days
  from buckets b left join counted c on c.bucket = b.bucket
  order by b.position
$$;
comment on function public.insights_backlog is 'Open reports (received or in progress) by age in days: 0-7, 8-30, 31-90, 91-365, 366+.';

-- Time to fix: from received (created) to resolved, for reports resolved in the period and
-- still resolved; overall, by category, by office and by month of resolution. Hours.
create or replace function public.insights_time_to_fix(
  from_month date, to_month date, ward text default null, category text default null
)
returns table (dimension text, key text, reports integer, median_hours double precision, p90_hours double precision)
language sql stable
set search_path = ''
as $$
  with period as (select public.insights_window(from_month, to_month) as w),
  fixed as (
    select r.category_id, r.office_id,
      date_trunc('month', r.resolved_at at time zone 'Asia/Tokyo')::date as month,
      extract(epoch from r.resolved_at - r.created_at) / 3600 as hours
    from public.reports r, period p
    where r.status = 'resolved' and r.resolved_at >= lower(p.w) and r.resolved_at < upper(p.w)
      and (ward is null or r.ward_id = (select id from public.areas a where a.kind = 'ward' and a.code = ward))
      and (category is null or r.category_id = (select id from public.categories c where c.code = category))
  ),
  measured as (
    select grouping(f.category_id, f.office_id, f.month) as g, f.category_id, f.office_id, f.month,
      count(*)::integer as reports,
      percentile_cont(0.5) within group (order by f.hours) as median_hours,
      percentile_cont(0.9) within group (order by f.hours) as p90_hours
    from fixed f
    group by grouping sets ((), (f.category_id), (f.office_id), (f.month))
  )
  select case m.g when 7 then 'all' when 3 then 'category' when 5 then 'office' else 'month' end,
    case m.g when 7 then 'all' when 3 then c.code when 5 then coalesce(o.code, 'none')
      else to_char(m.month, 'YYYY-MM') end,
    m.reports, m.median_hours, m.p90_hours
  from measured m
  left join public.categories c on c.id = m.category_id
  left join public.offices o on o.id = m.office_id
  order by 1, 2
$$;
comment on function public.insights_time_to_fix is 'Median and 90th percentile hours from received to resolved, overall, by category, office and month of resolution.';

-- Reporters per month: new registrations and the running total (against the city's target),
-- people who sent at least one report, and how reports arrived (the app, staff for a caller on
-- the phone or at the counter, other systems). Counts only: nobody is named.
-- security definer: counts the people of reporter_months, which nobody reads row by row.
create or replace function public.insights_reporters(
  from_month date, to_month date, ward text default null, category text default null
)
returns table (
  month date, registrations integer, registered integer, active_reporters integer,
  app_reports integer, staff_reports integer, other_reports integer
)
language sql stable security definer
set search_path = ''
as $$
  with period as (select public.insights_window(from_month, to_month) as w),
  months as (
    select m::date as month
    from generate_series(date_trunc('month', from_month::timestamp), date_trunc('month', to_month::timestamp),
      interval '1 month') m
  ),
  joined as (
    select date_trunc('month', pr.created_at at time zone 'Asia/Tokyo')::date as month, count(*)::integer as n
    from public.profiles pr, period p
    where pr.created_at >= lower(p.w) and pr.created_at < upper(p.w)
      and (ward is null or pr.home_ward_code = ward)
    group by 1
  ),
  earlier as (
    select count(*)::integer as n from public.profiles pr, period p
    where pr.created_at < lower(p.w) and (ward is null or pr.home_ward_code = ward)
  ),
  ward_id as (select id from public.areas a where a.kind = 'ward' and a.code = ward),
  category_id as (select id from public.categories c where c.code = category),
  channels as (
    select k.month,
      sum(k.reports) filter (where k.channel = 'app')::integer as app,
      sum(k.reports) filter (where k.channel in ('phone', 'counter'))::integer as staff,
      sum(k.reports) filter (where k.channel not in ('app', 'phone', 'counter'))::integer as other
    from public.report_month_counts k, months m
    where k.month = m.month
      and (ward is null or k.ward_id = (select id from ward_id))
      and (category is null or k.category_id = (select id from category_id))
    group by 1
  ),
  -- Without filters the monthly counts per reporter answer; with a ward or a category, the
  -- reports of the period are read.
  active as (
    select rm.month, count(*)::integer as n
    from public.reporter_months rm, months m
    where ward is null and category is null and rm.month = m.month and rm.reports > 0
    group by 1
    union all
    select date_trunc('month', r.created_at at time zone 'Asia/Tokyo')::date, count(distinct r.reporter_id)::integer
    from public.reports r, period p
    where (ward is not null or category is not null)
      and r.created_at >= lower(p.w) and r.created_at < upper(p.w) and r.reporter_id is not null
      and (ward is null or r.ward_id = (select id from ward_id))
      and (category is null or r.category_id = (select id from category_id))
    group by 1
  )
  select m.month, coalesce(j.n, 0),
    ((select n from earlier) + sum(coalesce(j.n, 0)) over (order by m.month))::integer,
    coalesce(a.n, 0), coalesce(c.app, 0), coalesce(c.staff, 0), coalesce(c.other, 0)
  from months m
  left join joined j on j.month = m.month
  left join active a on a.month = m.month
  left join channels c on c.month = m.month
  order by m.month
$$;
comment on function public.insights_reporters is 'Per month: registrations, registered total, active reporters, and reports by app, phone or counter, and other channels.';

-- security definer: counts the entries of every state (people read only approved ones one by
-- one) and checks of assets; returns numbers of published campaigns only.
create or replace function public.insights_campaigns(from_month date, to_month date)
returns table (
  id uuid, title text, kind text, starts_at timestamptz, ends_at timestamptz,
  participants integer, entries integer, approved_entries integer, assets integer, assets_checked integer
)
language sql stable security definer
set search_path = ''
as $$
  with period as (select public.insights_window(from_month, to_month) as w)
  select c.id, c.title, c.kind, c.starts_at, c.ends_at,
    (select count(*)::integer from public.campaign_participants cp where cp.campaign_id = c.id),
    (select count(*)::integer from public.entries e where e.campaign_id = c.id),
    (select count(*)::integer from public.entries e where e.campaign_id = c.id and e.status = 'approved'),
    s.assets, s.checked
  from public.campaigns c
  cross join period p
  left join lateral (
    select count(*)::integer as assets, count(*) filter (where st.state <> 'unchecked')::integer as checked
    from public.campaign_asset_states(c.id) st
    where c.kind = 'asset_check'
  ) s on c.kind = 'asset_check'
  where c.published_at is not null
    and c.starts_at < upper(p.w) and least(c.ends_at, coalesce(c.closed_at, c.ends_at)) >= lower(p.w)
  order by c.starts_at desc, c.id
$$;
comment on function public.insights_campaigns is 'Published campaigns running during a period: participants, entries (all and approved), asset coverage of asset checks.';

-- Volunteer fixes verified per month, and the minutes they took; by the fix's ward.
create or replace function public.insights_volunteering(from_month date, to_month date, ward text default null)
returns table (month date, fixes_done integer, minutes integer)
language sql stable
set search_path = ''
as $$
  with period as (select public.insights_window(from_month, to_month) as w)
  select date_trunc('month', fc.verified_at at time zone 'Asia/Tokyo')::date,
    count(*)::integer, coalesce(sum(fc.minutes), 0)::integer
  from public.fix_claims fc
  join public.fixes f on f.id = fc.fix_id
  cross join period p
  where fc.state = 'completed' and fc.verified_at >= lower(p.w) and fc.verified_at < upper(p.w)
    and (ward is null or f.ward_id = (select id from public.areas a where a.kind = 'ward' and a.code = ward))
  group by 1
  order by 1
$$;
comment on function public.insights_volunteering is 'Volunteer fixes verified per month of a period, with the minutes they took.';

create or replace function public.require_insights_reader()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if auth.uid() is null or not (public.has_role('staff') or public.has_role('organiser')) then
    raise exception 'not_allowed' using errcode = 'MQ004';
  end if;
end
$$;
comment on function public.require_insights_reader is 'Refuses anyone but staff and organisers (the staff dashboard).';

-- security definer: the staff dashboard's figure; refused to anyone but staff and organisers.
-- Repairs completed in the period: how many, what they cost (yen) and the crew's hours, by the
-- report's category and by its office.
create or replace function public.insights_repair_costs(
  from_month date, to_month date, ward text default null, category text default null
)
returns table (dimension text, key text, repairs integer, cost numeric, crew_hours numeric)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform public.require_insights_reader();
  return query
  with measured as (
    select grouping(r.category_id, r.office_id) as g, r.category_id, r.office_id,
      count(*)::integer as repairs, coalesce(sum(rr.cost), 0) as cost,
      coalesce(sum(rr.crew_hours), 0) as crew_hours
    from public.report_repairs rr
    join public.reports r on r.id = rr.report_id
    where rr.completed_on >= date_trunc('month', from_month::timestamp)::date
      and rr.completed_on < (date_trunc('month', to_month::timestamp) + interval '1 month')::date
      and (ward is null or r.ward_id = (select a.id from public.areas a where a.kind = 'ward' and a.code = ward))
      and (category is null or r.category_id = (select c.id from public.categories c where c.code = category))
    group by grouping sets ((r.category_id), (r.office_id))
  )
  select case m.g when 1 then 'category' else 'office' end,
    case m.g when 1 then c.code else coalesce(o.code, 'none') end,
    m.repairs, m.cost, m.crew_hours
  from measured m
  left join public.categories c on c.id = m.category_id
  left join public.offices o on o.id = m.office_id
  order by 1, 2;
end
$$;
comment on function public.insights_repair_costs is 'Staff and organisers: repairs, cost (yen) and crew hours by category and office, for repairs completed in a period.';

-- security definer: as above. Materials used by repairs completed in the period, by the report's
-- category and office, each item and unit summed.
create or replace function public.insights_materials(
  from_month date, to_month date, ward text default null, category text default null
)
returns table (category_code text, office_code text, item text, unit text, quantity numeric, repairs integer)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform public.require_insights_reader();
  return query
  select c.code, coalesce(o.code, 'none'), rm.item, rm.unit, sum(rm.quantity),
    count(distinct rm.report_id)::integer
  from public.repair_materials rm
  join public.report_repairs rr on rr.report_id = rm.report_id
  join public.reports r on r.id = rm.report_id
  join public.categories c on c.id = r.category_id
  left join public.offices o on o.id = r.office_id
  where rr.completed_on >= date_trunc('month', from_month::timestamp)::date
    and rr.completed_on < (date_trunc('month', to_month::timestamp) + interval '1 month')::date
    and (ward is null or r.ward_id = (select a.id from public.areas a where a.kind = 'ward' and a.code = ward))
    and (category is null or c.code = category)
  group by c.code, o.code, rm.item, rm.unit
  order by c.code, coalesce(o.code, 'none'), sum(rm.quantity) desc, rm.item, rm.unit;
end
$$;
comment on function public.insights_materials is 'Staff and organisers: materials used by repairs completed in a period, by category and office.';

do $$
begin
  revoke execute on function public.insights_repair_costs(date, date, text, text) from public;
  revoke execute on function public.insights_materials(date, date, text, text) from public;
  if exists (select 1 from pg_roles where rolname = 'anon') then
    revoke execute on function public.insights_repair_costs(date, date, text, text) from anon;
    revoke execute on function public.insights_materials(date, date, text, text) from anon;
    grant execute on function public.insights_repair_costs(date, date, text, text) to authenticated;
    grant execute on function public.insights_materials(date, date, text, text) to authenticated;
  end if;
end
$$;
