-- Asset inventories: mapped public objects (streetlights, shelters, curve mirrors) that belong to
-- the city in layers, not to one campaign. An asset-check campaign takes a layer's assets inside
-- its area.

-- security definer: the policies below call this, and it must read user_roles without
-- recursing into user_roles' own policies (as has_role does).
create or replace function public.manages_assets()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.user_roles
    where user_id = (select auth.uid()) and role in ('organiser', 'admin')
  )
$$;
comment on function public.manages_assets is 'True when the requesting person may import and edit asset inventories (organisers and admins).';

create table public.asset_layers (
  id bigint generated always as identity primary key,
  -- used in URLs: lowercase letters, digits and hyphens
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_ja text not null check (char_length(name_ja) between 1 and 100),
  name_en text not null check (char_length(name_en) between 1 and 100),
  -- the category a fault found on these assets is reported in, once reports exist
  category_code text references public.categories (code) on update cascade on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.asset_layers is 'Kinds of mapped public object the city keeps an inventory of (streetlights, shelters, mirrors).';

alter table public.asset_layers enable row level security;

create policy "asset layers are public" on public.asset_layers
  for select to anon, authenticated using (true);
create policy "organisers add asset layers" on public.asset_layers
  for insert to authenticated with check ((select public.manages_assets()));
create policy "organisers change asset layers" on public.asset_layers
  for update to authenticated
  using ((select public.manages_assets())) with check ((select public.manages_assets()));
create policy "organisers remove asset layers" on public.asset_layers
  for delete to authenticated using ((select public.manages_assets()));

create table public.assets (
  id bigint generated always as identity primary key,
  layer_id bigint not null references public.asset_layers (id) on delete cascade,
  -- the publisher's id, or one derived from the position for files without ids (see assets.ts)
  external_id text not null check (char_length(external_id) between 1 and 200),
  name text not null default '' check (char_length(name) <= 300),
  location extensions.geometry(Point, 4326) not null,
  -- every other column or GeoJSON property of the imported row, as published
  properties jsonb not null default '{}' check (jsonb_typeof(properties) = 'object'),
  imported_at timestamptz not null default now(),
  unique (layer_id, external_id)
);
comment on table public.assets is 'Mapped public objects of a layer, each with the publisher''s external id and a point.';
create index assets_location_idx on public.assets using gist (location);

alter table public.assets enable row level security;

create policy "assets are public" on public.assets
  for select to anon, authenticated using (true);
create policy "organisers add assets" on public.assets
  for insert to authenticated with check ((select public.manages_assets()));
create policy "organisers change assets" on public.assets
  for update to authenticated
  using ((select public.manages_assets())) with check ((select public.manages_assets()));
create policy "organisers remove assets" on public.assets
  for delete to authenticated using ((select public.manages_assets()));
