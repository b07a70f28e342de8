-- Reports filed by other systems through Open311 GeoReport v2
-- (https://wiki.open311.org/GeoReport_v2/#post-service-request): the picture they point to, the
-- key that filed each one, and the function that files them for a key instead of a person.

alter table public.reports
  -- a picture of the problem on the other system's server (the request's media_url)
  add column media_url text check (char_length(media_url) <= 2000 and media_url ~ '^https?://');

alter table public.report_contacts
  -- the key of the system that filed the report, for reports that came through Open311
  add column api_key_id uuid references public.api_keys (id) on delete set null;
create index report_contacts_api_key_idx on public.report_contacts (api_key_id);

-- security definer: the caller is a system with a key, not a signed-in person, so the function
-- checks the key itself, then writes the report, its first timeline line and the caller's
-- contact details (staff only) exactly as phone intake does, and marks the key used.
create or replace function public.create_open311_report(
  api_key text,
  category_code text,
  lon double precision,
  lat double precision,
  address text,
  description text,
  media_url text,
  caller jsonb default null
)
returns table (id uuid, number bigint)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  key_id uuid;
  cat public.categories;
  ward public.areas;
  point extensions.geometry;
  approximate boolean := false;
  made public.reports;
begin
  select k.id into key_id from public.api_keys k
  where k.key_hash = encode(sha256(convert_to(coalesce(api_key, ''), 'UTF8')), 'hex')
    and k.revoked_at is null;
  if key_id is null then
    raise exception 'invalid_api_key' using errcode = 'MQ801';
  end if;

  select * into cat from public.categories c where c.code = category_code;
  if cat.id is null then
    raise exception 'unknown_category' using errcode = 'MQ602';
  end if;
  if coalesce(char_length(btrim(description)), 0) = 0 then
    raise exception 'description_required' using errcode = 'MQ603';
  end if;

  if lon is not null and lat is not null then
    point := extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326);
    select * into ward from public.areas a
    where a.kind = 'ward' and extensions.st_covers(a.geom, point) limit 1;
    if ward.id is null then
      raise exception 'outside_city' using errcode = 'MQ604';
    end if;
  elsif coalesce(char_length(btrim(address)), 0) > 0 then
    -- An address without a point (there is no geocoder): in the ward the address names
    -- (「美浜区」, "Mihama-ku", "Mihama Ward"), as the report form places a ward and address,
    -- otherwise somewhere in the city, until staff place it.
    select * into ward from public.areas a
    where a.kind = 'ward' and (strpos(address, a.name_ja) > 0
      or address ~* ('\m' || split_part(a.name_en, '-', 1) || '(-ku|\s+ward)'))
    order by a.code limit 1;
    if ward.id is not null then
      point := extensions.st_pointonsurface(ward.geom);
    else
      select extensions.st_pointonsurface(extensions.st_union(a.geom)) into point
      from public.areas a where a.kind = 'ward';
    end if;
    if point is null then
      raise exception 'location_required' using errcode = 'MQ606';
    end if;
    approximate := true;
  else
    raise exception 'location_required' using errcode = 'MQ606';
  end if;

  insert into public.reports (category_id, office_id, ward_id, location, location_approximate,
    address, description, channel, media_url)
  values (cat.id, public.route_report(cat.id, ward.id), ward.id, point, approximate,
    coalesce(btrim(address), ''), btrim(description), 'open311', nullif(btrim(media_url), ''))
  returning * into made;

  insert into public.report_updates (report_id, kind, status)
  values (made.id, 'created', 'received');
  insert into public.report_contacts (report_id, caller_name, caller_phone, caller_email, api_key_id)
  values (made.id, coalesce(caller ->> 'name', ''), coalesce(caller ->> 'phone', ''),
    coalesce(caller ->> 'email', ''), key_id);
  update public.api_keys set last_used_at = now() where api_keys.id = key_id;

  return query select made.id, made.number;
end
$$;
comment on function public.create_open311_report is 'Files a report for another system holding an active API key (Open311 POST requests), channel open311.';

-- security definer: anyone may ask whether a key is active (a 403 before the request is read),
-- but nobody but admins reads the keys table. Guessing a key is guessing 256 random bits.
create or replace function public.open311_key_active(api_key text)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.api_keys k
    where k.key_hash = encode(sha256(convert_to(coalesce(api_key, ''), 'UTF8')), 'hex')
      and k.revoked_at is null
  )
$$;
comment on function public.open311_key_active is 'True when the key is an API key that has not been revoked.';
