-- Places and who repairs what: areas (the city, its wards, campaign zones), offices, categories.

create table public.areas (
  id bigint generated always as identity primary key,
  code text not null unique,
  kind text not null check (kind in ('city', 'ward', 'zone')),
  name_ja text not null,
  name_en text not null,
  geom extensions.geometry(MultiPolygon, 4326) not null
);
comment on table public.areas is 'Polygons: the city, its wards and campaign zones (WGS84).';
create index areas_geom_idx on public.areas using gist (geom);

alter table public.areas enable row level security;
create policy "areas are public" on public.areas for select to anon, authenticated using (true);
create policy "admins add areas" on public.areas
  for insert to authenticated with check ((select public.has_role('admin')));
create policy "admins change areas" on public.areas
  for update to authenticated using ((select public.has_role('admin')));

create table public.offices (
  id bigint generated always as identity primary key,
  code text not null unique,
  name_ja text not null,
  name_en text not null
);
comment on table public.offices is 'Departments that repair things; each category belongs to one.';

alter table public.offices enable row level security;
create policy "offices are public" on public.offices for select to anon, authenticated using (true);
create policy "admins add offices" on public.offices
  for insert to authenticated with check ((select public.has_role('admin')));

create table public.categories (
  id bigint generated always as identity primary key,
  code text not null unique,
  group_code text not null check (group_code in ('road', 'park', 'streetlight', 'rubbish', 'other')),
  name_ja text not null,
  name_en text not null,
  help_ja text not null default '',
  help_en text not null default '',
  office_id bigint references public.offices (id)
);
comment on table public.categories is 'Kinds of problem, in the ChibaRepo groups, each owned by an office.';
create index categories_office_id_idx on public.categories (office_id);

alter table public.categories enable row level security;
create policy "categories are public" on public.categories
  for select to anon, authenticated using (true);
create policy "admins add categories" on public.categories
  for insert to authenticated with check ((select public.has_role('admin')));

create table public.office_wards (
  office_id bigint not null references public.offices (id) on delete cascade,
  area_id bigint not null references public.areas (id) on delete cascade,
  primary key (office_id, area_id)
);
comment on table public.office_wards is 'Which wards each office covers, for routing by location.';

alter table public.office_wards enable row level security;
create policy "office wards are public" on public.office_wards
  for select to anon, authenticated using (true);

-- The ward that contains a point, or none outside the city.
create or replace function public.ward_at(lon double precision, lat double precision)
returns public.areas
language sql stable
set search_path = ''
as $$
  select a.* from public.areas a
  where a.kind = 'ward'
    and extensions.st_covers(a.geom, extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326))
  limit 1
$$;
