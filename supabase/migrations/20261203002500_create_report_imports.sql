-- Importing past reports from another system's CSV: the uploaded file waits here while staff
-- map its columns and values, then its rows are written in batches by import_reports, and what
-- was taken and skipped (by reason) stays with the import as its record.

create table public.report_imports (
  id uuid primary key default gen_random_uuid(),
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  file_name text not null check (char_length(file_name) between 1 and 255),
  -- as detected on upload: 'utf-8', 'utf-8-bom', 'shift_jis' or 'euc-jp'
  encoding text not null,
  -- the uploaded bytes, kept only until the import has run
  content bytea,
  -- the column choice of the first mapping step, kept while the values are mapped
  mapping jsonb,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  imported integer not null default 0 check (imported >= 0),
  -- rows skipped by reason: {"missing_coordinates": 23, "duplicate_id": 50, …}
  skipped jsonb not null default '{}',
  -- the whole report: counts, examples of skipped rows, rows closed more than a year late
  report jsonb,
  check ((finished_at is null) = (report is null))
);
comment on table public.report_imports is 'Uploaded files of past reports awaiting their mapping, and the record of each import with its skip counts.';
create index report_imports_created_by_idx on public.report_imports (created_by, created_at desc);

alter table public.report_imports enable row level security;

create policy "staff see imports" on public.report_imports
  for select to authenticated using ((select public.has_role('staff')));
create policy "staff upload imports" on public.report_imports
  for insert to authenticated
  with check (created_by = (select auth.uid()) and (select public.has_role('staff')));
create policy "staff finish their own imports" on public.report_imports
  for update to authenticated
  using (created_by = (select auth.uid()) and (select public.has_role('staff')))
  with check (created_by = (select auth.uid()) and (select public.has_role('staff')));
create policy "staff discard their own imports" on public.report_imports
  for delete to authenticated
  using (created_by = (select auth.uid()) and (select public.has_role('staff')));

create index reports_import_external_idx on public.reports (external_id) where channel = 'import';

-- Writes one batch of already parsed rows as reports of the 'import' channel, set-based, and
-- says for each row what happened: imported, already_imported (a report with that external id
-- was imported before: importing a file again adds nothing), or outside_city. Checks that need
-- the whole file or the mapping (coordinates, dates, values, repeats) are the caller's.
-- Imported reports have no reporter; their ward is the one holding the point, or none.
-- security definer: reports and their timelines are written only through functions, and the
-- import writes history (past dates, finished statuses) that no other path may write.
create or replace function public.import_reports(
  import uuid,
  row_numbers integer[],
  external_ids text[],
  category_codes text[],
  descriptions text[],
  addresses text[],
  lons double precision[],
  lats double precision[],
  statuses text[],
  created_ats timestamptz[],
  closed_ats timestamptz[],
  inside_city_only boolean
)
returns table (row_number integer, outcome text)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := public.require_staff();
  city extensions.geometry;
  n integer := cardinality(row_numbers);
begin
  if not exists (
    select 1 from public.report_imports i
    where i.id = import and i.created_by = me and i.finished_at is null
  ) then
    raise exception 'import_not_found' using errcode = 'MQ620';
  end if;
  if n is null or exists (
    select 1 from unnest(array[cardinality(external_ids), cardinality(category_codes),
      cardinality(descriptions), cardinality(addresses), cardinality(lons), cardinality(lats),
      cardinality(statuses), cardinality(created_ats), cardinality(closed_ats)]) c
    where c is distinct from n
  ) then
    raise exception 'import_bad_batch' using errcode = 'MQ621';
  end if;
  if exists (select 1 from unnest(statuses) s where s is null or s not in ('received', 'in_progress', 'resolved', 'closed')) then
    raise exception 'import_bad_batch' using errcode = 'MQ621';
  end if;
  if inside_city_only then
    select a.geom into city from public.areas a where a.kind = 'city' order by a.id limit 1;
    if city is null then
      raise exception 'import_no_city_boundary' using errcode = 'MQ622';
    end if;
  end if;

  -- The timeline insert runs to completion although the final select does not read it.
  return query
  with incoming as (
    select r.n, btrim(r.external_id) as external_id, c.id as category_id, c.name_ja as category_name,
      left(btrim(r.description), 4000) as description, left(btrim(coalesce(r.address, '')), 200) as address,
      extensions.st_setsrid(extensions.st_makepoint(r.lon, r.lat), 4326) as location,
      r.status, r.created_at, r.closed_at
    from unnest(row_numbers, external_ids, category_codes, descriptions, addresses, lons, lats,
      statuses, created_ats, closed_ats)
      as r (n, external_id, category_code, description, address, lon, lat, status, created_at, closed_at)
    left join public.categories c on c.code = r.category_code
  ),
  judged as (
    select i.*, w.id as ward_id,
      case
        when i.category_id is null or coalesce(i.external_id, '') = '' or i.created_at is null then 'import_bad_batch'
        when city is not null and not extensions.st_covers(city, i.location) then 'outside_city'
        when exists (
          select 1 from public.reports r where r.channel = 'import' and r.external_id = i.external_id
        ) then 'already_imported'
      end as skip
    from incoming i
    left join lateral (
      select a.id from public.areas a
      where a.kind = 'ward' and extensions.st_covers(a.geom, i.location) limit 1
    ) w on true
  ),
  written as (
    insert into public.reports as r (category_id, office_id, ward_id, location, address, description,
      status, channel, external_id, reporter_id, created_at, updated_at, resolved_at)
    select j.category_id, public.route_report(j.category_id, j.ward_id), j.ward_id, j.location, j.address,
      coalesce(nullif(j.description, ''), j.category_name), j.status, 'import', j.external_id, null,
      j.created_at,
      case when j.status in ('resolved', 'closed') then coalesce(j.closed_at, j.created_at) else j.created_at end,
      case when j.status in ('resolved', 'closed') then j.closed_at end
    from judged j where j.skip is null
    -- a concurrent import of the same rows: the other one took them
    on conflict (channel, external_id) where external_id is not null do nothing
    returning r.id, r.external_id, r.status, r.created_at, r.resolved_at
  ),
  -- the 'created' line, and a status line for reports already past received, in that order
  timeline as (
    insert into public.report_updates (report_id, kind, status, created_at)
    select w.id, l.kind, l.status, l.at
    from written w
    cross join lateral (values
      (1, 'created', 'received', w.created_at),
      (2, 'status', w.status, coalesce(w.resolved_at, w.created_at))
    ) as l (n, kind, status, at)
    where l.n = 1 or w.status <> 'received'
    order by w.created_at, w.id, l.n
    returning 1
  )
  select j.n,
    case
      when j.skip = 'import_bad_batch' then 'invalid'
      when j.skip is not null then j.skip
      when w.id is not null then 'imported'
      else 'already_imported'
    end
  from judged j left join written w on w.external_id = j.external_id;
end
$$;
comment on function public.import_reports is 'Staff import one batch of parsed past reports (channel import, no reporter) with their timelines; returns each row''s outcome.';
