-- Entries: what a participant sends to a campaign. Written only through submit_entry and
-- moderate_entry, which keep the rules that must never break: no entry outside the period or
-- the area, no points without approval, no change once the results are final.

create table public.entries (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  photo_id uuid not null unique references public.photos (id),
  location extensions.geometry(Point, 4326) not null,
  comment text not null default '' check (char_length(comment) <= 500),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  -- a client-chosen key, so that a double tap or a retry creates one entry
  idempotency_key text check (char_length(idempotency_key) <= 100),
  created_at timestamptz not null default now(),
  moderated_at timestamptz,
  moderated_by uuid references auth.users (id),
  unique (user_id, idempotency_key)
);
comment on table public.entries is 'Submissions to campaigns: photo, location, comment, moderation status.';
create index entries_campaign_status_idx on public.entries (campaign_id, status, created_at desc);
create index entries_user_id_idx on public.entries (user_id);
create index entries_location_idx on public.entries using gist (location);

alter table public.entries enable row level security;

create policy "approved entries are public" on public.entries
  for select to anon, authenticated using (status = 'approved');
create policy "people see their own entries" on public.entries
  for select to authenticated using (user_id = (select auth.uid()));
create policy "organisers see all entries" on public.entries
  for select to authenticated using ((select public.has_role('organiser')));

create policy "photos of approved entries are public" on public.photos
  for select to anon, authenticated
  using (exists (select 1 from public.entries e where e.photo_id = photos.id and e.status = 'approved'));
create policy "organisers see entry photos" on public.photos
  for select to authenticated
  using ((select public.has_role('organiser')) and state = 'attached');

-- security definer: an entry attaches the person's pending photo and may write to the points
-- ledger, neither of which a citizen may do directly. Every rule is checked here instead.
create or replace function public.submit_entry(
  target uuid,
  photo uuid,
  lon double precision,
  lat double precision,
  note text default '',
  idempotency text default null
)
returns public.entries
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  c public.campaigns;
  p public.photos;
  point extensions.geometry := extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326);
  made public.entries;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;

  if idempotency is not null then
    select * into made from public.entries where user_id = me and idempotency_key = idempotency;
    if made.id is not null then
      return made;
    end if;
  end if;

  select * into c from public.campaigns where id = target for share;
  if c.id is null or public.campaign_phase(c) <> 'open' then
    raise exception 'campaign_not_open' using errcode = 'MQ002';
  end if;

  select * into p from public.photos
  where id = photo and owner_id = me and state = 'pending' and expires_at > now()
  for update;
  if p.id is null then
    raise exception 'photo_missing' using errcode = 'MQ003';
  end if;

  if lon is null or lat is null or not exists (
    select 1 from public.campaign_areas ca join public.areas a on a.id = ca.area_id
    where ca.campaign_id = target and extensions.st_covers(a.geom, point)
  ) then
    raise exception 'outside_area' using errcode = 'MQ004';
  end if;

  insert into public.campaign_participants (campaign_id, user_id)
  values (target, me) on conflict do nothing;

  update public.photos set state = 'attached', expires_at = null where id = p.id;

  insert into public.entries (campaign_id, user_id, photo_id, location, comment, status, idempotency_key)
  values (
    target, me, p.id, point, coalesce(note, ''),
    case when c.moderation = 'auto' then 'approved' else 'pending' end,
    idempotency
  )
  returning * into made;

  if made.status = 'approved' and c.points_per_entry > 0 then
    insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
    values (me, target, made.id, c.points_per_entry, 'entry_approved');
  end if;

  return made;
end
$$;
comment on function public.submit_entry is 'Sends an entry with the person''s pending photo to an open campaign, inside its area.';

-- security definer: moderation writes to the points ledger. Only organisers, and only until
-- the results are final.
create or replace function public.moderate_entry(target uuid, decision text)
returns public.entries
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  e public.entries;
  c public.campaigns;
begin
  if not public.has_role('organiser') then
    raise exception 'not_allowed' using errcode = 'MQ005';
  end if;
  if decision not in ('approved', 'rejected') then
    raise exception 'invalid_decision' using errcode = 'MQ006';
  end if;

  select * into e from public.entries where id = target for update;
  select * into c from public.campaigns where id = e.campaign_id;
  if e.id is null or public.campaign_phase(c) not in ('open', 'closed') then
    raise exception 'moderation_closed' using errcode = 'MQ007';
  end if;
  if e.status = decision then
    return e;
  end if;

  if decision = 'approved' then
    insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
    values (e.user_id, e.campaign_id, e.id, c.points_per_entry, 'entry_approved');
  elsif e.status = 'approved' then
    insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
    values (e.user_id, e.campaign_id, e.id, -c.points_per_entry, 'entry_withdrawn');
  end if;

  update public.entries
  set status = decision, moderated_at = now(), moderated_by = auth.uid()
  where id = target
  returning * into e;
  return e;
end
$$;
comment on function public.moderate_entry is 'Approves or rejects an entry, adjusting the ledger; refused once results are final.';
