-- Importing an asset inventory: the uploaded file waits here while the organiser maps its
-- columns, then its rows are written in batches by import_asset_batch, and the report of what
-- was imported and skipped stays with the import.

create table public.asset_imports (
  id uuid primary key default gen_random_uuid(),
  layer_id bigint not null references public.asset_layers (id) on delete cascade,
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  file_name text not null check (char_length(file_name) between 1 and 255),
  format text not null check (format in ('csv', 'geojson')),
  -- as detected on upload: 'utf-8', 'utf-8-bom', 'shift_jis' or 'euc-jp'
  encoding text not null,
  -- the uploaded bytes, kept only until the import has run
  content bytea,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  -- counts and examples by outcome, written when the import has run
  report jsonb,
  check ((finished_at is null) = (report is null))
);
comment on table public.asset_imports is 'Uploaded inventory files awaiting their column mapping, and the reports of those imported.';
create index asset_imports_created_by_idx on public.asset_imports (created_by, created_at desc);
create index asset_imports_layer_id_idx on public.asset_imports (layer_id);

alter table public.asset_imports enable row level security;

create policy "organisers see their own imports" on public.asset_imports
  for select to authenticated
  using (created_by = (select auth.uid()) and (select public.manages_assets()));
create policy "organisers upload imports" on public.asset_imports
  for insert to authenticated
  with check (created_by = (select auth.uid()) and (select public.manages_assets()));
create policy "organisers finish their own imports" on public.asset_imports
  for update to authenticated
  using (created_by = (select auth.uid()) and (select public.manages_assets()))
  with check (created_by = (select auth.uid()) and (select public.manages_assets()));
create policy "organisers discard their own imports" on public.asset_imports
  for delete to authenticated
  using (created_by = (select auth.uid()) and (select public.manages_assets()));

-- Writes one batch of already parsed rows into a layer, set-based, and says for each row what
-- happened: inserted, updated, unchanged (the same asset again: re-importing a file changes
-- nothing), or skipped as outside_city / duplicate_position (another asset of the layer already
-- stands there). Rows are matched by external id. Checks that need the whole file (missing
-- coordinates, repeats within the file) are the caller's, which sends each id and position once.
-- security invoker: row-level security decides who may write assets.
create or replace function public.import_asset_batch(
  layer bigint,
  row_numbers integer[],
  external_ids text[],
  names text[],
  lons double precision[],
  lats double precision[],
  properties jsonb[],
  inside_city_only boolean
)
returns table (row_number integer, outcome text)
language plpgsql volatile
set search_path = ''
as $$
declare
  city extensions.geometry;
begin
  if not public.manages_assets() then
    raise exception 'inventory_not_allowed' using errcode = 'MQ300';
  end if;
  if not exists (select 1 from public.asset_layers l where l.id = layer) then
    raise exception 'inventory_layer_not_found' using errcode = 'MQ301';
  end if;
  if cardinality(row_numbers) is distinct from cardinality(external_ids)
    or cardinality(row_numbers) is distinct from cardinality(names)
    or cardinality(row_numbers) is distinct from cardinality(lons)
    or cardinality(row_numbers) is distinct from cardinality(lats)
    or cardinality(row_numbers) is distinct from cardinality(properties) then
    raise exception 'import_bad_batch' using errcode = 'MQ302';
  end if;
  if inside_city_only then
    select a.geom into city from public.areas a where a.kind = 'city' order by a.id limit 1;
    if city is null then
      raise exception 'import_no_city_boundary' using errcode = 'MQ303';
    end if;
  end if;

  return query
  with incoming as (
    select r.n, r.external_id, left(r.name, 300) as name, r.props,
      extensions.st_setsrid(extensions.st_makepoint(r.lon, r.lat), 4326) as location
    from unnest(row_numbers, external_ids, names, lons, lats, properties)
      as r (n, external_id, name, lon, lat, props)
  ),
  judged as (
    select i.*,
      case
        when city is not null and not extensions.st_covers(city, i.location) then 'outside_city'
        when exists (
          select 1 from public.assets a
          where a.layer_id = layer
            -- ~= finds candidates through the index, whose boxes are single precision (about
            -- 0.4 m here); = then compares the points exactly.
            and a.location operator(extensions.~=) i.location
            and a.location operator(extensions.=) i.location
            and a.external_id <> i.external_id
        ) then 'duplicate_position'
      end as skip
    from incoming i
  ),
  written as (
    insert into public.assets as a (layer_id, external_id, name, location, properties)
    select layer, j.external_id, j.name, j.location, j.props from judged j where j.skip is null
    on conflict (layer_id, external_id) do update
      set name = excluded.name, location = excluded.location, properties = excluded.properties,
        imported_at = now()
      where (a.name, extensions.st_asbinary(a.location), a.properties)
        is distinct from (excluded.name, extensions.st_asbinary(excluded.location), excluded.properties)
    returning a.external_id, (a.xmax = 0) as inserted
  )
  select j.n,
    coalesce(j.skip, case when w.inserted then 'inserted' when w.inserted is not null then 'updated'
      else 'unchanged' end)
  from judged j left join written w on w.external_id = j.external_id;
end
$$;
comment on function public.import_asset_batch is 'Upserts one batch of parsed inventory rows into a layer by external id; returns each row''s outcome.';
