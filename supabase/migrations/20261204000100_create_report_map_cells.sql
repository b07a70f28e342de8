-- Reports counted per grid cell, month, category and ward, kept up to date by triggers, so that
-- the map of a whole city (zoom 12 and out) adds up a few thousand rows instead of reading every
-- report. The grid is the map's own at zoom 12 (four cells per 256 px tile: 360 / 2^12 / 4
-- degrees); a coarser zoom's cell is a power-of-two block of these, so the map groups them
-- exactly as it would group the reports. Months are months in Japan, as the map's period filter
-- counts days in Japan.

create table public.report_map_cells (
  cx integer not null,
  cy integer not null,
  month date not null,
  category_id bigint not null references public.categories (id),
  -- 0 for reports without a ward, so that the key has no null in it
  ward_id bigint not null,
  received integer not null default 0,
  in_progress integer not null default 0,
  resolved integer not null default 0,
  forwarded integer not null default 0,
  duplicate integer not null default 0,
  closed integer not null default 0,
  -- for the centre of a group: the mean position of its reports
  sum_lon double precision not null default 0,
  sum_lat double precision not null default 0,
  primary key (cx, cy, month, category_id, ward_id)
);
comment on table public.report_map_cells is
  'Reports per zoom-12 map grid cell, month (Asia/Tokyo), category and ward, with a count per status; written only by triggers on reports.';

alter table public.report_map_cells enable row level security;
create policy "report map cells are public" on public.report_map_cells
  for select to anon, authenticated using (true);

/** Degrees per grid cell at zoom 12. */
create or replace function public.report_map_cell_size()
returns double precision
language sql immutable parallel safe
set search_path = ''
as $$ select 360.0 / 4096 / 4 $$;

-- One report's share of the counts: +1 where it now is, -1 where it was.
create type public.report_map_delta as (
  lon double precision, lat double precision, created_at timestamptz, category_id bigint,
  ward_id bigint, status text, sign integer
);

-- Adds what a statement's new rows bring and takes away what its old rows took, grouped by
-- cell, in key order (two statements touching the same cells lock them in the same order). An
-- update that moves nothing the map counts (a "me too", an office) changes nothing here.
create or replace function public.report_map_cells_apply()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  deltas public.report_map_delta[];
begin
  if tg_op = 'INSERT' then
    deltas := array(
      select row(extensions.st_x(n.location), extensions.st_y(n.location), n.created_at,
        n.category_id, n.ward_id, n.status, 1)::public.report_map_delta
      from new_rows n);
  elsif tg_op = 'DELETE' then
    deltas := array(
      select row(extensions.st_x(o.location), extensions.st_y(o.location), o.created_at,
        o.category_id, o.ward_id, o.status, -1)::public.report_map_delta
      from old_rows o);
  else
    deltas := array(
      select d from old_rows o join new_rows n on n.id = o.id
      cross join lateral (values
        (row(extensions.st_x(o.location), extensions.st_y(o.location), o.created_at,
          o.category_id, o.ward_id, o.status, -1)::public.report_map_delta),
        (row(extensions.st_x(n.location), extensions.st_y(n.location), n.created_at,
          n.category_id, n.ward_id, n.status, 1)::public.report_map_delta)) as v(d)
      where (extensions.st_x(n.location), extensions.st_y(n.location), n.created_at,
          n.category_id, n.ward_id, n.status)
        is distinct from (extensions.st_x(o.location), extensions.st_y(o.location), o.created_at,
          o.category_id, o.ward_id, o.status));
  end if;
  if cardinality(deltas) = 0 then
    return null;
  end if;

  insert into public.report_map_cells as c (cx, cy, month, category_id, ward_id, received,
    in_progress, resolved, forwarded, duplicate, closed, sum_lon, sum_lat)
  select floor(d.lon / public.report_map_cell_size())::int,
    floor(d.lat / public.report_map_cell_size())::int,
    date_trunc('month', d.created_at at time zone 'Asia/Tokyo')::date,
    d.category_id, coalesce(d.ward_id, 0),
    coalesce(sum(d.sign) filter (where d.status = 'received'), 0),
    coalesce(sum(d.sign) filter (where d.status = 'in_progress'), 0),
    coalesce(sum(d.sign) filter (where d.status = 'resolved'), 0),
    coalesce(sum(d.sign) filter (where d.status = 'forwarded'), 0),
    coalesce(sum(d.sign) filter (where d.status = 'duplicate'), 0),
    coalesce(sum(d.sign) filter (where d.status = 'closed'), 0),
    sum(d.sign * d.lon), sum(d.sign * d.lat)
  from unnest(deltas) d
  group by 1, 2, 3, 4, 5
  order by 1, 2, 3, 4, 5
  on conflict (cx, cy, month, category_id, ward_id) do update set
    received = c.received + excluded.received,
    in_progress = c.in_progress + excluded.in_progress,
    resolved = c.resolved + excluded.resolved,
    forwarded = c.forwarded + excluded.forwarded,
    duplicate = c.duplicate + excluded.duplicate,
    closed = c.closed + excluded.closed,
    sum_lon = c.sum_lon + excluded.sum_lon,
    sum_lat = c.sum_lat + excluded.sum_lat;
  return null;
end
$$;

-- Transition tables allow one event per trigger.
create trigger reports_map_cells_insert after insert on public.reports
  referencing new table as new_rows
  for each statement execute function public.report_map_cells_apply();
create trigger reports_map_cells_update after update on public.reports
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.report_map_cells_apply();
create trigger reports_map_cells_delete after delete on public.reports
  referencing old table as old_rows
  for each statement execute function public.report_map_cells_apply();

-- The reports already there.
insert into public.report_map_cells (cx, cy, month, category_id, ward_id, received, in_progress,
  resolved, forwarded, duplicate, closed, sum_lon, sum_lat)
select floor(extensions.st_x(r.location) / public.report_map_cell_size())::int,
  floor(extensions.st_y(r.location) / public.report_map_cell_size())::int,
  date_trunc('month', r.created_at at time zone 'Asia/Tokyo')::date,
  r.category_id, coalesce(r.ward_id, 0),
  count(*) filter (where r.status = 'received'),
  count(*) filter (where r.status = 'in_progress'),
  count(*) filter (where r.status = 'resolved'),
  count(*) filter (where r.status = 'forwarded'),
  count(*) filter (where r.status = 'duplicate'),
  count(*) filter (where r.status = 'closed'),
  sum(extensions.st_x(r.location)), sum(extensions.st_y(r.location))
from public.reports r
group by 1, 2, 3, 4, 5;
