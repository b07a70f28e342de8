-- Campaigns meet reports. A report drive counts every report of its categories filed during
-- its period inside its area as an entry of the reporter. An asset check's fault opens a
-- report in the category of the asset's layer, for the office in charge, linked back to the
-- entry; a second fault found on the same asset while that report is open joins it as a
-- "me too" instead of filing a duplicate.

alter table public.entries
  add column report_id uuid references public.reports (id) on delete set null;
create unique index entries_campaign_report_idx on public.entries (campaign_id, report_id)
  where report_id is not null and asset_id is null;
create index entries_report_idx on public.entries (report_id) where report_id is not null;

alter table public.reports
  -- the asset a campaign check found faulty, so later checks join the open report
  add column asset_id bigint references public.assets (id) on delete set null;
create index reports_asset_open_idx on public.reports (asset_id)
  where asset_id is not null and status in ('received', 'in_progress');

-- security definer: a report drive's entry and its points are written for the reporter, who
-- may not write entries or the ledger directly. Runs inside create_report's transaction, so a
-- report and its entries exist together or not at all.
create or replace function public.count_report_in_drives()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  c public.campaigns;
  made public.entries;
begin
  if new.reporter_id is null or new.channel <> 'app' or new.asset_id is not null then
    return null;
  end if;
  for c in
    select cp.* from public.campaigns cp
    join public.campaign_categories cc on cc.campaign_id = cp.id and cc.category_id = new.category_id
    where cp.kind = 'report_drive' and public.campaign_phase(cp) = 'open'
      and exists (
        select 1 from public.campaign_areas ca join public.areas a on a.id = ca.area_id
        where ca.campaign_id = cp.id
          -- a ward and a typed address count in campaigns over that ward
          and (case when new.location_approximate then a.id = new.ward_id
               else extensions.st_covers(a.geom, new.location) end))
  loop
    insert into public.campaign_participants (campaign_id, user_id)
    values (c.id, new.reporter_id) on conflict do nothing;
    insert into public.entries (campaign_id, user_id, location, comment, status, report_id)
    values (c.id, new.reporter_id, new.location, left(new.description, 500),
      case when c.moderation = 'auto' then 'approved' else 'pending' end, new.id)
    returning * into made;
    if made.status = 'approved' and c.points_per_entry > 0 then
      insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
      values (new.reporter_id, c.id, made.id, c.points_per_entry, 'entry_approved');
    end if;
  end loop;
  return null;
end
$$;

create trigger reports_count_in_drives
  after insert on public.reports
  for each row execute function public.count_report_in_drives();

-- security definer: the report is filed for the person who checked, and the entry is updated
-- with its link, neither of which that person may do directly.
create or replace function public.report_asset_fault()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  a public.assets;
  layer public.asset_layers;
  cat public.categories;
  c public.campaigns;
  ward public.areas;
  r public.reports;
  condition_ja text;
begin
  if new.asset_id is null or new.condition = 'working' or new.status <> 'approved'
    or new.report_id is not null then
    return null;
  end if;
  select * into a from public.assets where id = new.asset_id;
  select * into layer from public.asset_layers where id = a.layer_id;
  select * into cat from public.categories where code = layer.category_code;
  select * into ward from public.areas where kind = 'ward' and extensions.st_covers(geom, a.location) limit 1;
  if cat.id is null or ward.id is null then
    -- no category to report in, or a place outside the wards: it stays flagged for staff
    return null;
  end if;

  select * into r from public.reports
  where asset_id = a.id and status in ('received', 'in_progress')
  order by created_at limit 1
  for update;

  if r.id is null then
    select * into c from public.campaigns where id = new.campaign_id;
    condition_ja := case new.condition
      when 'faulty' then '故障' when 'missing' then '見当たらない' else '見えにくい' end;
    insert into public.reports (category_id, office_id, ward_id, location, address, description,
      channel, reporter_id, asset_id)
    values (cat.id, public.route_report(cat.id, ward.id), ward.id, a.location,
      left(coalesce(a.name, ''), 200),
      left(format('「%s」の点検で見つかった不具合：%s（%s）%s', c.title, coalesce(a.name, a.external_id),
        condition_ja, case when new.comment <> '' then E'\n' || new.comment else '' end), 4000),
      'app', new.user_id, a.id)
    returning * into r;
    if new.photo_id is not null then
      insert into public.report_photos (report_id, photo_id, kind, position)
      values (r.id, new.photo_id, 'report', 1)
      on conflict do nothing;
    end if;
    insert into public.report_updates (report_id, author_id, kind, status, detail)
    values (r.id, new.user_id, 'created', 'received',
      jsonb_build_object('campaign_id', new.campaign_id, 'entry_id', new.id));
    insert into public.report_followers (report_id, user_id) values (r.id, new.user_id);
    update public.reports set follower_count = 1 where id = r.id;
    perform public.award_badge(new.user_id, 'first_report');
  elsif r.reporter_id is distinct from new.user_id then
    insert into public.report_me_too (report_id, user_id) values (r.id, new.user_id)
    on conflict do nothing;
    insert into public.report_followers (report_id, user_id) values (r.id, new.user_id)
    on conflict do nothing;
    update public.reports set
      me_too_count = (select count(*) from public.report_me_too where report_id = r.id),
      follower_count = (select count(*) from public.report_followers where report_id = r.id)
    where id = r.id;
  end if;

  update public.entries set report_id = r.id, needs_staff = false where id = new.id;
  return null;
end
$$;

create trigger entries_report_asset_fault
  after insert or update of status on public.entries
  for each row execute function public.report_asset_fault();

-- The report drive's reports behind its entries, for the campaign page.
create or replace function public.campaign_reports(target uuid, size integer default 24)
returns table (entry_id uuid, report_number bigint, status text, category_code text,
  category_ja text, category_en text, created_at timestamptz)
language sql stable
set search_path = ''
as $$
  select e.id, r.number, r.status, c.code, c.name_ja, c.name_en, r.created_at
  from public.entries e
  join public.reports r on r.id = e.report_id
  join public.categories c on c.id = r.category_id
  where e.campaign_id = target and e.status = 'approved' and e.asset_id is null
  order by r.created_at desc
  limit size
$$;
