-- Photos, processed on arrival. A photo starts as its owner's pending photo (visible to them
-- alone, expiring after a day) so that a form refused for another reason never asks for it
-- again; it becomes attached when an entry uses it.

create table public.photos (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  state text not null default 'pending' check (state in ('pending', 'attached')),
  display_key text not null,
  thumb_key text not null,
  width integer not null,
  height integer not null,
  -- the EXIF position, offered to the owner as a suggestion and never published
  exif_lon double precision,
  exif_lat double precision,
  created_at timestamptz not null default now(),
  expires_at timestamptz default now() + interval '1 day'
);
comment on table public.photos is 'Uploaded photos after re-encoding; keys point into the photo store.';
create index photos_owner_id_idx on public.photos (owner_id);

alter table public.photos enable row level security;

create policy "owners see their photos" on public.photos
  for select to authenticated using (owner_id = (select auth.uid()));
create policy "owners upload pending photos" on public.photos
  for insert to authenticated with check (owner_id = (select auth.uid()) and state = 'pending');
create policy "owners discard pending photos" on public.photos
  for delete to authenticated using (owner_id = (select auth.uid()) and state = 'pending');
