-- Fair play in submit_entry, beside its earlier rules (period, area, the person's own pending
-- photo, idempotency):
-- * a photo whose perceptual hash is within 8 bits of a photo already sent to the same campaign
--   (by anyone, whatever became of that entry) is refused: the same photo or a near copy earns
--   points once. Unrelated photos differ in about 32 of the 64 bits; a re-encoded, resized or
--   brightened copy in 0 to 3. A crop or a mirror image is not caught.
-- * one person sends at most 20 entries to one campaign in any hour (a rolling window), which
--   stops a script from flooding the gallery and the moderation queue.
-- Both checks read the campaign's entries, so the entries of one campaign are taken one at a
-- time (a transaction-scoped advisory lock): two copies sent at once cannot both pass.

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
  -- fair-play limits, documented in the README
  near_copy_bits constant integer := 8;
  entries_per_hour constant integer := 20;
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

  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('entries:' || target::text, 0));

  if (
    select count(*) from public.entries e
    where e.campaign_id = target and e.user_id = me and e.created_at > now() - interval '1 hour'
  ) >= entries_per_hour then
    raise exception 'too_many_entries' using errcode = 'MQ203';
  end if;

  if p.phash is not null and exists (
    select 1 from public.entries e join public.photos sent on sent.id = e.photo_id
    where e.campaign_id = target and sent.phash is not null
      and public.hamming_distance(sent.phash, p.phash) <= near_copy_bits
  ) then
    raise exception 'duplicate_photo' using errcode = 'MQ202';
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
comment on function public.submit_entry is 'Sends an entry with the person''s pending photo to an open campaign, inside its area; refuses near copies of photos already sent and more than 20 entries an hour.';
