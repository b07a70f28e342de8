-- What people do with reports, as functions that keep the rules: a report inside the city, in
-- a known category, with the person's own photos, routed to an office; followers and "me too";
-- staff status changes with a public note, internal notes, reassignment, merges and the
-- volunteer flag. Refusals raise SQLSTATE MQ6xx with a stable code as the message.

-- Whose place a point is: the city's ward, or a neighbouring municipality when known.
create or replace function public.place_owner(lon double precision, lat double precision)
returns table (inside_city boolean, ward_code text, owner_ja text, owner_en text)
language sql stable
set search_path = ''
as $$
  with p as (select extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326) as g)
  select w.code is not null, w.code, m.name_ja, m.name_en
  from p
  left join lateral (
    select a.code from public.areas a
    where a.kind = 'ward' and extensions.st_covers(a.geom, p.g) limit 1
  ) w on true
  left join lateral (
    select mu.name_ja, mu.name_en from public.municipalities mu
    where w.code is null and extensions.st_covers(mu.geom, p.g) limit 1
  ) m on true
$$;
comment on function public.place_owner is 'The ward of the city that holds a point, or the neighbouring municipality when the city does not.';

-- The office that repairs a category at a place: the category's own, or the one covering the ward.
create or replace function public.route_report(category bigint, ward bigint)
returns bigint
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select office_id from public.categories where id = category),
    (select office_id from public.office_wards where area_id = ward order by office_id limit 1)
  )
$$;

-- Attaches the person's pending photos to a report, in order. Internal (execute revoked).
create or replace function public.attach_report_photos(me uuid, target uuid, photo_ids uuid[], photo_kind text)
returns void
language plpgsql volatile
set search_path = ''
as $$
declare
  taken integer;
begin
  if coalesce(cardinality(photo_ids), 0) = 0 then
    return;
  end if;
  if cardinality(photo_ids) > 3 or (select count(distinct x) from unnest(photo_ids) x) <> cardinality(photo_ids) then
    raise exception 'too_many_photos' using errcode = 'MQ605';
  end if;
  delete from public.report_photos where report_id = target and kind = photo_kind;

  update public.photos set state = 'attached', expires_at = null
  where id = any (photo_ids) and owner_id = me and state = 'pending' and expires_at > now();
  get diagnostics taken = row_count;
  if taken <> cardinality(photo_ids) then
    raise exception 'photo_missing' using errcode = 'MQ003';
  end if;

  insert into public.report_photos (report_id, photo_id, kind, position)
  select target, x.id, photo_kind, x.n from unnest(photo_ids) with ordinality as x (id, n);
end
$$;
revoke execute on function public.attach_report_photos(uuid, uuid, uuid[], text) from public;

-- security definer: a report attaches photos, writes the first timeline line, follows it for
-- its reporter and may hold a caller's contact details, none of which a citizen writes directly.
create or replace function public.create_report(
  category_code text,
  lon double precision,
  lat double precision,
  ward_code text,
  address text,
  description text,
  photos uuid[] default '{}',
  channel text default 'app',
  caller jsonb default null,
  idempotency text default null
)
returns table (id uuid, number bigint)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  is_staff boolean := public.has_role('staff');
  cat public.categories;
  ward public.areas;
  point extensions.geometry;
  approximate boolean := false;
  made public.reports;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;
  if channel not in ('app', 'phone', 'counter') or (channel <> 'app' and not is_staff) then
    raise exception 'channel_not_allowed' using errcode = 'MQ601';
  end if;

  if idempotency is not null then
    select * into made from public.reports r where r.reporter_id = me and r.idempotency_key = idempotency;
    if made.id is null and channel <> 'app' then
      select r.* into made from public.reports r join public.report_contacts rc on rc.report_id = r.id
      where rc.taken_by = me and r.idempotency_key = idempotency;
    end if;
    if made.id is not null then
      return query select made.id, made.number;
      return;
    end if;
  end if;

  select * into cat from public.categories where code = category_code;
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
  else
    -- A ward and an address typed by hand: the point is somewhere in the ward until staff place it.
    select * into ward from public.areas a where a.kind = 'ward' and a.code = ward_code;
    if ward.id is null or coalesce(char_length(btrim(address)), 0) = 0 then
      raise exception 'location_required' using errcode = 'MQ606';
    end if;
    point := extensions.st_pointonsurface(ward.geom);
    approximate := true;
  end if;

  insert into public.reports (category_id, office_id, ward_id, location, location_approximate,
    address, description, channel, reporter_id, idempotency_key)
  values (cat.id, public.route_report(cat.id, ward.id), ward.id, point, approximate,
    coalesce(btrim(address), ''), btrim(description), channel,
    case when channel = 'app' then me end, idempotency)
  returning * into made;

  perform public.attach_report_photos(me, made.id, photos, 'report');
  insert into public.report_updates (report_id, author_id, kind, status)
  values (made.id, case when channel = 'app' then me end, 'created', 'received');

  if channel = 'app' then
    insert into public.report_followers (report_id, user_id) values (made.id, me);
    update public.reports set follower_count = 1 where reports.id = made.id;
    perform public.award_badge(me, 'first_report');
  else
    insert into public.report_contacts (report_id, caller_name, caller_phone, caller_email, taken_by)
    values (made.id, coalesce(caller ->> 'name', ''), coalesce(caller ->> 'phone', ''),
      coalesce(caller ->> 'email', ''), me);
  end if;

  return query select made.id, made.number;
end
$$;
comment on function public.create_report is 'Files a report inside the city (a point, or a ward and an address), routed to its office; staff may file phone and counter reports for callers.';

-- Open reports of a category near a point: what the person sees before filing a duplicate.
create or replace function public.nearby_reports(category_code text, lon double precision, lat double precision)
returns table (id uuid, number bigint, distance_m double precision)
language sql stable
set search_path = ''
as $$
  select r.id, r.number,
    extensions.st_distance(r.location::extensions.geography,
      extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326)::extensions.geography)
  from public.reports r join public.categories c on c.id = r.category_id
  where c.code = category_code and r.status in ('received', 'in_progress')
    and not r.location_approximate
    and extensions.st_dwithin(r.location::extensions.geography,
      extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326)::extensions.geography, c.nearby_m)
  order by 3
  limit 10
$$;

-- security definer: followers are counted on the report, which citizens cannot update.
create or replace function public.follow_report(target uuid, following boolean)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  changed integer;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;
  perform 1 from public.reports where id = target for update;
  if not found then
    raise exception 'report_missing' using errcode = 'MQ607';
  end if;
  if following then
    insert into public.report_followers (report_id, user_id) values (target, me) on conflict do nothing;
  else
    delete from public.report_followers where report_id = target and user_id = me;
  end if;
  get diagnostics changed = row_count;
  if changed > 0 then
    update public.reports set follower_count = follower_count + case when following then 1 else -1 end
    where id = target;
  end if;
end
$$;

-- security definer: as follow_report. "Me too" also follows, and only counts on an open report.
create or replace function public.add_me_too(target uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  r public.reports;
  added integer;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;
  select * into r from public.reports where id = target for update;
  if r.id is null then
    raise exception 'report_missing' using errcode = 'MQ607';
  end if;
  if r.status not in ('received', 'in_progress') then
    raise exception 'report_not_open' using errcode = 'MQ608';
  end if;
  if r.reporter_id = me then
    raise exception 'own_report' using errcode = 'MQ609';
  end if;
  insert into public.report_me_too (report_id, user_id) values (target, me) on conflict do nothing;
  get diagnostics added = row_count;
  if added > 0 then
    update public.reports set me_too_count = me_too_count + 1 where id = target;
  end if;
  perform public.follow_report(target, true);
end
$$;

create or replace function public.require_staff()
returns uuid
language plpgsql stable
set search_path = ''
as $$
begin
  if auth.uid() is null or not public.has_role('staff') then
    raise exception 'not_allowed' using errcode = 'MQ004';
  end if;
  return auth.uid();
end
$$;

-- security definer: staff change reports only through here, so that every change leaves a
-- public line on the timeline. Allowed moves: from received or in progress to anything else;
-- a finished report (resolved, forwarded, duplicate, closed) can be reopened as in progress.
create or replace function public.change_report_status(
  target uuid,
  new_status text,
  public_note text,
  original uuid default null,
  owner text default null
)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := public.require_staff();
  r public.reports;
begin
  select * into r from public.reports where id = target for update;
  if r.id is null then
    raise exception 'report_missing' using errcode = 'MQ607';
  end if;
  if new_status is null or new_status not in ('in_progress', 'resolved', 'forwarded', 'duplicate', 'closed')
    or new_status = r.status
    or (r.status not in ('received', 'in_progress') and new_status <> 'in_progress') then
    raise exception 'invalid_status_change' using errcode = 'MQ610';
  end if;
  if coalesce(char_length(btrim(public_note)), 0) = 0 then
    raise exception 'public_note_required' using errcode = 'MQ611';
  end if;
  if new_status = 'duplicate' then
    perform public.merge_reports(target, original, public_note);
    return;
  end if;
  if new_status = 'forwarded' and coalesce(char_length(btrim(owner)), 0) = 0 then
    raise exception 'owner_required' using errcode = 'MQ612';
  end if;

  update public.reports set
    status = new_status,
    forwarded_to = case when new_status = 'forwarded' then btrim(owner) end,
    duplicate_of = null,
    resolved_at = case when new_status in ('resolved', 'closed', 'forwarded') then now() end,
    updated_at = now()
  where id = target;
  insert into public.report_updates (report_id, author_id, kind, status, note, detail)
  values (target, me, 'status', new_status, btrim(public_note),
    case when new_status = 'forwarded' then jsonb_build_object('owner', btrim(owner)) else '{}' end);
end
$$;
comment on function public.change_report_status is 'Staff move a report to a new status with a public note.';

-- security definer: marks a report a duplicate of another and moves its followers and "me too"
-- to the kept report, so nobody stops hearing about the problem.
create or replace function public.merge_reports(duplicate uuid, kept uuid, public_note text)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := public.require_staff();
  d public.reports;
  k public.reports;
begin
  if duplicate = kept or kept is null then
    raise exception 'original_required' using errcode = 'MQ613';
  end if;
  -- both rows locked in a fixed order, so two merges of the same pair cannot deadlock
  perform 1 from public.reports where id in (duplicate, kept) order by id for update;
  select * into d from public.reports where id = duplicate;
  select * into k from public.reports where id = kept;
  if d.id is null or k.id is null then
    raise exception 'report_missing' using errcode = 'MQ607';
  end if;
  if d.status not in ('received', 'in_progress') or k.status = 'duplicate' then
    raise exception 'invalid_status_change' using errcode = 'MQ610';
  end if;
  if coalesce(char_length(btrim(public_note)), 0) = 0 then
    raise exception 'public_note_required' using errcode = 'MQ611';
  end if;

  insert into public.report_followers (report_id, user_id)
  select kept, user_id from public.report_followers where report_id = duplicate
  union select kept, d.reporter_id where d.reporter_id is not null
  on conflict do nothing;
  insert into public.report_me_too (report_id, user_id)
  select kept, user_id from public.report_me_too where report_id = duplicate
  union select kept, d.reporter_id where d.reporter_id is not null and d.reporter_id is distinct from k.reporter_id
  on conflict do nothing;
  update public.reports set
    follower_count = (select count(*) from public.report_followers where report_id = kept),
    me_too_count = (select count(*) from public.report_me_too where report_id = kept),
    updated_at = now()
  where id = kept;

  update public.reports set status = 'duplicate', duplicate_of = kept, resolved_at = now(), updated_at = now()
  where id = duplicate;
  insert into public.report_updates (report_id, author_id, kind, status, note, detail)
  values (duplicate, me, 'status', 'duplicate', btrim(public_note),
    jsonb_build_object('kept', kept, 'kept_number', k.number));
  insert into public.report_updates (report_id, author_id, kind, note, detail)
  values (kept, me, 'merged', '', jsonb_build_object('duplicate', duplicate, 'duplicate_number', d.number));
end
$$;
comment on function public.merge_reports is 'Staff mark a report a duplicate of another; its followers and me-too move to the kept one.';

-- security definer: staff notes are written only through here.
create or replace function public.add_report_note(target uuid, note text, is_internal boolean)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := public.require_staff();
begin
  if coalesce(char_length(btrim(note)), 0) = 0 then
    raise exception 'note_required' using errcode = 'MQ614';
  end if;
  if not exists (select 1 from public.reports where id = target) then
    raise exception 'report_missing' using errcode = 'MQ607';
  end if;
  insert into public.report_updates (report_id, author_id, kind, note, internal)
  values (target, me, 'note', btrim(note), is_internal);
  update public.reports set updated_at = now() where id = target;
end
$$;

-- security definer: staff reassign one report or many at once (bulk assignment from the queue).
create or replace function public.assign_reports(targets uuid[], office bigint)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := public.require_staff();
  o public.offices;
  moved integer;
begin
  select * into o from public.offices where id = office;
  if o.id is null then
    raise exception 'unknown_office' using errcode = 'MQ615';
  end if;
  with changed as (
    update public.reports set office_id = office, updated_at = now()
    where id = any (targets) and office_id is distinct from office
    returning id
  ), logged as (
    insert into public.report_updates (report_id, author_id, kind, detail)
    select id, me, 'assigned', jsonb_build_object('office_ja', o.name_ja, 'office_en', o.name_en)
    from changed
    returning 1
  )
  select count(*) into moved from logged;
  return moved;
end
$$;

-- security definer: the volunteer flag is the staff's call, logged on the timeline.
create or replace function public.set_fit_for_volunteers(target uuid, fit boolean)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := public.require_staff();
  r public.reports;
begin
  select * into r from public.reports where id = target for update;
  if r.id is null then
    raise exception 'report_missing' using errcode = 'MQ607';
  end if;
  if r.fit_for_volunteers = fit then
    return;
  end if;
  update public.reports set fit_for_volunteers = fit, updated_at = now() where id = target;
  insert into public.report_updates (report_id, author_id, kind, detail)
  values (target, me, 'volunteers', jsonb_build_object('fit', fit));
end
$$;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') then
    revoke execute on function public.attach_report_photos(uuid, uuid, uuid[], text) from anon, authenticated;
  end if;
end
$$;
