-- API keys for other systems that file reports through Open311 GeoReport v2
-- (https://wiki.open311.org/GeoReport_v2/#post-service-request). An admin creates a key for a
-- system and sees it once; only its SHA-256 is kept, with a label and a short prefix so that
-- admins can tell keys apart. A key is never deleted, only revoked, so that the reports it filed
-- keep saying which key filed them.

create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  -- who the key is for: "Ichihara City's 311 system"
  label text not null check (char_length(btrim(label)) between 1 and 100),
  -- hex SHA-256 of the key; the key itself is shown once and never stored
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  -- the key's first characters, shown in the list
  key_prefix text not null check (char_length(key_prefix) between 4 and 12),
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references auth.users (id) on delete set null,
  last_used_at timestamptz,
  constraint api_keys_revoked_by_someone check (revoked_by is null or revoked_at is not null)
);
comment on table public.api_keys is 'Keys of other systems that file reports through Open311; hashed, revocable, admins only.';
create index api_keys_created_by_idx on public.api_keys (created_by);

alter table public.api_keys enable row level security;
create policy "admins read api keys" on public.api_keys
  for select to authenticated using ((select public.has_role('admin')));
create policy "admins create api keys" on public.api_keys
  for insert to authenticated
  with check ((select public.has_role('admin')) and created_by = (select auth.uid()) and revoked_at is null);
-- The only change an admin makes is revoking a key that is still active.
create policy "admins revoke api keys" on public.api_keys
  for update to authenticated
  using ((select public.has_role('admin')) and revoked_at is null)
  with check ((select public.has_role('admin')) and revoked_at is not null and revoked_by = (select auth.uid()));

revoke all on public.api_keys from anon, authenticated;
grant select, insert on public.api_keys to authenticated;
grant update (revoked_at, revoked_by) on public.api_keys to authenticated;
