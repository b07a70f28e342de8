-- Finding an asset of the same layer at exactly the same position, once per imported row, through
-- a btree index on (layer, position). The GiST index cannot serve it well: its boxes are single
-- precision (about 0.4 m), it holds every layer, and a plan that walked the layer's rows instead
-- made a second large import of one layer quadratic.

create index assets_layer_location_idx on public.assets (layer_id, location);

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
