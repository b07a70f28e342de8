-- A campaign's area can be an uploaded polygon (a zone) instead of whole wards, and a report
-- drive counts reports of chosen categories.

-- Organisers add zones for their campaigns; wards and the city stay the admins'.
create policy "organisers add zones" on public.areas
  for insert to authenticated
  with check (kind = 'zone' and (select public.has_role('organiser')));

-- security definer: the zone is normalised here, whatever the file looked like — features
-- unioned (islands arrive as separate features), made valid, outer rings counter-clockwise as
-- RFC 7946 wants — and refused when it is not a polygon or does not touch the city.
create or replace function public.create_zone(geometries jsonb, zone_name text)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  shape extensions.geometry;
  made bigint;
begin
  if not public.has_role('organiser') then
    raise exception 'not_allowed' using errcode = 'MQ005';
  end if;
  if jsonb_typeof(geometries) <> 'array' or jsonb_array_length(geometries) = 0 then
    raise exception 'zone_not_polygon' using errcode = 'MQ501';
  end if;

  select extensions.st_forcepolygonccw(extensions.st_multi(extensions.st_collectionextract(
      extensions.st_makevalid(extensions.st_union(
        extensions.st_setsrid(extensions.st_geomfromgeojson(g::text), 4326))), 3)))
  into shape
  from jsonb_array_elements(geometries) g;

  if shape is null or extensions.st_isempty(shape) or extensions.st_area(shape) = 0 then
    raise exception 'zone_not_polygon' using errcode = 'MQ501';
  end if;
  if exists (select 1 from public.areas where kind = 'city') and not exists (
    select 1 from public.areas where kind = 'city' and extensions.st_intersects(geom, shape)
  ) then
    raise exception 'zone_outside_city' using errcode = 'MQ502';
  end if;

  insert into public.areas (code, kind, name_ja, name_en, geom)
  values ('zone-' || gen_random_uuid(), 'zone', zone_name, zone_name, shape)
  returning id into made;
  return made;
end
$$;
comment on function public.create_zone is 'Adds a campaign zone from GeoJSON geometries (an array), normalised.';

create table public.campaign_categories (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  category_id bigint not null references public.categories (id),
  primary key (campaign_id, category_id)
);
comment on table public.campaign_categories is 'The report categories that count in a report drive.';

alter table public.campaign_categories enable row level security;
create policy "campaign categories are public" on public.campaign_categories
  for select to anon, authenticated using (true);
create policy "organisers set campaign categories" on public.campaign_categories
  for insert to authenticated with check ((select public.has_role('organiser')));
create policy "organisers remove campaign categories" on public.campaign_categories
  for delete to authenticated using ((select public.has_role('organiser')));
