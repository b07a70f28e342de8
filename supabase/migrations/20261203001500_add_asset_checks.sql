-- Asset checks: an asset_check campaign takes the assets of one inventory layer inside its area;
-- each entry checks one asset and records its condition. A photo is required for anything but
-- "working", the person must stand within the campaign's radius of the asset, the first check of
-- an asset and a check that finds a fault earn the campaign's bonuses, and a faulty check is
-- flagged for staff (it will open a report once reports exist).

alter table public.campaigns
  add column asset_layer_id bigint references public.asset_layers (id),
  -- how far from the asset (metres) a check may be sent from
  add column check_radius_m integer not null default 50 check (check_radius_m between 5 and 1000);
alter table public.campaigns add constraint campaigns_asset_check_has_layer
  check (kind <> 'asset_check' or asset_layer_id is not null) not valid;

alter table public.entries alter column photo_id drop not null;
alter table public.entries
  add column asset_id bigint references public.assets (id),
  add column condition text check (condition in ('working', 'faulty', 'missing', 'obstructed')),
  -- a fault found by a check, waiting for staff until it becomes a report
  add column needs_staff boolean not null default false,
  add constraint entries_check_has_condition check ((asset_id is null) = (condition is null)),
  add constraint entries_photo_unless_working check (photo_id is not null or condition = 'working');
create index entries_campaign_asset_idx on public.entries (campaign_id, asset_id, created_at desc)
  where asset_id is not null;
create index entries_needs_staff_idx on public.entries (campaign_id) where needs_staff;

-- Which approved check was the first of each asset in a campaign: exactly one, even when two
-- checks of the same asset are approved at once (the primary key decides).
create table public.asset_first_checks (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  asset_id bigint not null references public.assets (id) on delete cascade,
  entry_id uuid not null unique references public.entries (id) on delete cascade,
  primary key (campaign_id, asset_id)
);
comment on table public.asset_first_checks is 'The approved check that was first for each asset of a campaign (the one that earned the bonus).';
alter table public.asset_first_checks enable row level security;
create policy "first checks are public" on public.asset_first_checks
  for select to anon, authenticated using (true);

-- The pending photo of an entry: the person's own, unexpired; no near copy of a photo already
-- sent to the campaign; at most 20 entries an hour per person and campaign (the rules of
-- submit_entry, shared). Attaches it and returns its id. Internal (execute revoked).
create or replace function public.take_entry_photo(me uuid, target uuid, photo uuid)
returns uuid
language plpgsql volatile
set search_path = ''
as $$
declare
  p public.photos;
  near_copy_bits constant integer := 8;
  entries_per_hour constant integer := 20;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('entries:' || target::text, 0));

  if (
    select count(*) from public.entries e
    where e.campaign_id = target and e.user_id = me and e.created_at > now() - interval '1 hour'
  ) >= entries_per_hour then
    raise exception 'too_many_entries' using errcode = 'MQ203';
  end if;

  if photo is null then
    return null;
  end if;

  select * into p from public.photos
  where id = photo and owner_id = me and state = 'pending' and expires_at > now()
  for update;
  if p.id is null then
    raise exception 'photo_missing' using errcode = 'MQ003';
  end if;

  if p.phash is not null and exists (
    select 1 from public.entries e join public.photos sent on sent.id = e.photo_id
    where e.campaign_id = target and sent.phash is not null
      and public.hamming_distance(sent.phash, p.phash) <= near_copy_bits
  ) then
    raise exception 'duplicate_photo' using errcode = 'MQ202';
  end if;

  update public.photos set state = 'attached', expires_at = null where id = p.id;
  return p.id;
end
$$;
revoke execute on function public.take_entry_photo(uuid, uuid, uuid) from public;
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') then
    revoke execute on function public.take_entry_photo(uuid, uuid, uuid) from anon, authenticated;
  end if;
end
$$;

-- security definer: a check attaches the person's pending photo and may write to the ledger.
create or replace function public.submit_check(
  target uuid,
  asset bigint,
  observed text,
  photo uuid,
  lon double precision,
  lat double precision,
  note text default '',
  idempotency text default null
)
returns table (id uuid, status text)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  c public.campaigns;
  a public.assets;
  point extensions.geometry := extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326);
  made public.entries;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;

  if idempotency is not null then
    select * into made from public.entries e where e.user_id = me and e.idempotency_key = idempotency;
    if made.id is not null then
      return query select made.id, made.status;
      return;
    end if;
  end if;

  select * into c from public.campaigns where campaigns.id = target for share;
  if c.id is null or public.campaign_phase(c) <> 'open' then
    raise exception 'campaign_not_open' using errcode = 'MQ002';
  end if;
  if c.kind <> 'asset_check' then
    raise exception 'not_an_asset_check' using errcode = 'MQ503';
  end if;
  if observed is null or observed not in ('working', 'faulty', 'missing', 'obstructed') then
    raise exception 'invalid_condition' using errcode = 'MQ504';
  end if;
  if photo is null and observed <> 'working' then
    raise exception 'check_photo_required' using errcode = 'MQ505';
  end if;

  select * into a from public.assets
  where assets.id = asset and layer_id = c.asset_layer_id
    and exists (
      select 1 from public.campaign_areas ca join public.areas ar on ar.id = ca.area_id
      where ca.campaign_id = target and extensions.st_covers(ar.geom, assets.location)
    );
  if a.id is null then
    raise exception 'asset_not_in_campaign' using errcode = 'MQ506';
  end if;

  if lon is null or lat is null then
    raise exception 'check_location_required' using errcode = 'MQ507';
  end if;
  if not extensions.st_dwithin(a.location::extensions.geography, point::extensions.geography,
      c.check_radius_m) then
    raise exception 'too_far_from_asset' using errcode = 'MQ508';
  end if;

  perform public.take_entry_photo(me, target, photo);

  insert into public.campaign_participants (campaign_id, user_id)
  values (target, me) on conflict do nothing;

  insert into public.entries (campaign_id, user_id, photo_id, location, comment, status,
    idempotency_key, asset_id, condition, needs_staff)
  values (
    target, me, photo, point, coalesce(note, ''),
    case when c.moderation = 'auto' then 'approved' else 'pending' end,
    idempotency, a.id, observed, observed <> 'working'
  )
  returning * into made;

  if made.status = 'approved' and c.points_per_entry > 0 then
    insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
    values (me, target, made.id, c.points_per_entry, 'entry_approved');
  end if;

  return query select made.id, made.status;
end
$$;
comment on function public.submit_check is 'Records the condition of one asset of an open asset-check campaign, near the asset; a photo unless it works.';

-- The bonuses of a check follow its approval, however it happened (at once, or by an
-- organiser): the first approved check of an asset earns first_check_bonus, a check that finds
-- a fault earns fault_bonus; leaving "approved" gives them back. Nothing changes once final.
create or replace function public.score_asset_check()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  c public.campaigns;
  was_approved boolean := tg_op = 'UPDATE' and old.status = 'approved';
  first_row public.asset_first_checks;
  given integer;
begin
  if new.asset_id is null or was_approved = (new.status = 'approved') then
    return null;
  end if;
  select * into c from public.campaigns where id = new.campaign_id;
  if public.campaign_phase(c) = 'final' then
    return null;
  end if;

  if new.status = 'approved' then
    insert into public.asset_first_checks (campaign_id, asset_id, entry_id)
    values (new.campaign_id, new.asset_id, new.id)
    on conflict do nothing
    returning * into first_row;
    if first_row.entry_id is not null and c.first_check_bonus > 0 then
      insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
      values (new.user_id, new.campaign_id, new.id, c.first_check_bonus, 'first_check');
    end if;
    if new.condition <> 'working' and c.fault_bonus > 0 then
      insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
      values (new.user_id, new.campaign_id, new.id, c.fault_bonus, 'fault_found');
    end if;
  else
    delete from public.asset_first_checks where entry_id = new.id;
    select coalesce(sum(points), 0) into given from public.point_events
    where entry_id = new.id and reason in ('first_check', 'fault_found');
    if given > 0 then
      insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
      values (new.user_id, new.campaign_id, new.id, -given, 'entry_withdrawn');
    end if;
  end if;
  return null;
end
$$;

create trigger entries_score_asset_check
  after insert or update of status on public.entries
  for each row execute function public.score_asset_check();

-- Each asset of an asset-check campaign with what its latest approved check found:
-- 'unchecked', 'ok' or 'faulty' (faulty, missing or obstructed).
create or replace function public.campaign_asset_states(target uuid)
returns table (asset_id bigint, state text, checked_at timestamptz)
language sql stable
set search_path = ''
as $$
  with campaign_assets as (
    select a.id from public.campaigns c
    join public.assets a on a.layer_id = c.asset_layer_id
    where c.id = target and exists (
      select 1 from public.campaign_areas ca join public.areas ar on ar.id = ca.area_id
      where ca.campaign_id = target and extensions.st_covers(ar.geom, a.location))
  ),
  latest as (
    select distinct on (e.asset_id) e.asset_id, e.condition, e.created_at
    from public.entries e
    where e.campaign_id = target and e.status = 'approved' and e.asset_id is not null
    order by e.asset_id, e.created_at desc
  )
  select ca.id,
    case when l.condition is null then 'unchecked' when l.condition = 'working' then 'ok' else 'faulty' end,
    l.created_at
  from campaign_assets ca left join latest l on l.asset_id = ca.id
$$;
comment on function public.campaign_asset_states is 'The state of every asset of an asset-check campaign: unchecked, ok or faulty.';
