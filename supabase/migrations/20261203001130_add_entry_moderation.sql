-- Moderation beyond approve and reject: a reason the entrant sees when an entry is rejected or
-- hidden, entries an organiser features (shown first in the gallery), and hiding an entry that
-- is already public. A hidden entry leaves the public gallery (the policies show 'approved'
-- only) and, if it was approved, gives back the points it earned.

alter table public.entries drop constraint entries_status_check;
alter table public.entries add constraint entries_status_check
  check (status in ('pending', 'approved', 'rejected', 'hidden'));

alter table public.entries
  -- why an organiser rejected or hid the entry; shown to the entrant only
  add column moderation_reason text check (char_length(moderation_reason) <= 500),
  -- set while an organiser features the entry; featured entries come first in the gallery
  add column featured_at timestamptz,
  add column featured_by uuid references auth.users (id);
comment on column public.entries.moderation_reason is 'Why the entry was rejected or hidden; seen by its author and organisers.';

create index entries_gallery_idx on public.entries
  (campaign_id, (featured_at is null), featured_at desc, created_at desc)
  where status = 'approved';

-- Takes back what an approved entry earned (its entry points and its like points) when it is
-- rejected or hidden. Once the campaign is final the ledger of the campaign is left as frozen.
-- Internal: called only by the security definer functions below (execute revoked).
create or replace function public.withdraw_entry_points(e public.entries, c public.campaigns)
returns void
language plpgsql volatile
set search_path = ''
as $$
declare
  from_likes integer;
begin
  if e.status <> 'approved' or public.campaign_phase(c) = 'final' then
    return;
  end if;
  if c.points_per_entry > 0 then
    insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
    values (e.user_id, e.campaign_id, e.id, -c.points_per_entry, 'entry_withdrawn');
  end if;

  select coalesce(sum(l.points), 0) into from_likes from public.entry_likes l where l.entry_id = e.id;
  if from_likes > 0 then
    insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
    values (e.user_id, e.campaign_id, e.id, -from_likes, 'like_withdrawn');
    -- the likes stay, but no longer hold points that a later unlike would take back again
    update public.entry_likes set points = 0 where entry_id = e.id and points > 0;
  end if;
end
$$;
revoke execute on function public.withdraw_entry_points(public.entries, public.campaigns) from public;

-- The organiser's reason, trimmed; an empty one is none. Too long is refused, not cut.
create or replace function public.moderation_reason(reason text)
returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  trimmed text := nullif(btrim(coalesce(reason, '')), '');
begin
  if char_length(trimmed) > 500 then
    raise exception 'moderation_reason_too_long' using errcode = 'MQ206';
  end if;
  return trimmed;
end
$$;

-- The decision now takes a reason, shown to the entrant; the two-argument form is replaced.
drop function public.moderate_entry(uuid, text);

-- security definer: moderation writes to the points ledger and the audit log. Only organisers,
-- and only until the results are final.
create or replace function public.moderate_entry(target uuid, decision text, reason text default null)
returns public.entries
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  e public.entries;
  c public.campaigns;
  why text := public.moderation_reason(reason);
begin
  if not public.has_role('organiser') then
    raise exception 'not_allowed' using errcode = 'MQ005';
  end if;
  if decision is null or decision not in ('approved', 'rejected') then
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
  else
    perform public.withdraw_entry_points(e, c);
  end if;

  update public.entries
  set status = decision, moderated_at = now(), moderated_by = auth.uid(),
    moderation_reason = case when decision = 'rejected' then why end,
    featured_at = case when decision = 'approved' then featured_at end,
    featured_by = case when decision = 'approved' then featured_by end
  where id = target
  returning * into e;

  perform public.record_audit(
    case when decision = 'approved' then 'entry_approved' else 'entry_rejected' end,
    'entry', e.id, jsonb_build_object('campaign_id', e.campaign_id, 'reason', why));
  return e;
end
$$;
comment on function public.moderate_entry is 'Approves or rejects (with a reason) an entry, adjusting the ledger; refused once results are final.';

-- security definer: hiding takes points back through the ledger and writes the audit log.
-- Hiding stays possible after the results are final (a photo that must not be shown), but the
-- final ledger is then left as it was.
create or replace function public.hide_entry(target uuid, reason text default null)
returns table (id uuid, status text)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  e public.entries;
  c public.campaigns;
  why text := public.moderation_reason(reason);
begin
  if not public.has_role('organiser') then
    raise exception 'not_allowed' using errcode = 'MQ005';
  end if;

  select * into e from public.entries x where x.id = target for update;
  if e.id is null then
    raise exception 'moderation_entry_not_found' using errcode = 'MQ204';
  end if;
  if e.status = 'hidden' then
    return query select e.id, e.status;
    return;
  end if;
  select * into c from public.campaigns x where x.id = e.campaign_id;

  perform public.withdraw_entry_points(e, c);
  update public.entries x
  set status = 'hidden', moderated_at = now(), moderated_by = auth.uid(),
    moderation_reason = why, featured_at = null, featured_by = null
  where x.id = target;

  perform public.record_audit('entry_hidden', 'entry', e.id,
    jsonb_build_object('campaign_id', e.campaign_id, 'reason', why, 'previous_status', e.status));
  return query select e.id, 'hidden'::text;
end
$$;
comment on function public.hide_entry is 'Removes an entry from the public gallery, giving back the points it earned if approved.';

-- security definer: featuring writes the audit log, which organisers may not write directly.
create or replace function public.feature_entry(target uuid, featured boolean)
returns table (id uuid, featured_at timestamptz)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  e public.entries;
begin
  if not public.has_role('organiser') then
    raise exception 'not_allowed' using errcode = 'MQ005';
  end if;

  select * into e from public.entries x where x.id = target for update;
  if e.id is null then
    raise exception 'moderation_entry_not_found' using errcode = 'MQ204';
  end if;
  if featured and e.status <> 'approved' then
    raise exception 'feature_not_approved' using errcode = 'MQ205';
  end if;
  if (e.featured_at is not null) = coalesce(featured, false) then
    return query select e.id, e.featured_at;
    return;
  end if;

  update public.entries x
  set featured_at = case when featured then now() end,
    featured_by = case when featured then auth.uid() end
  where x.id = target
  returning x.featured_at into e.featured_at;

  perform public.record_audit(case when featured then 'entry_featured' else 'entry_unfeatured' end,
    'entry', e.id, jsonb_build_object('campaign_id', e.campaign_id));
  return query select e.id, e.featured_at;
end
$$;
comment on function public.feature_entry is 'Features an approved entry (shown first in the gallery) or stops featuring it.';
