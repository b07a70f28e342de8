-- Campaigns: themed, time-boxed calls to action. The phase (draft, scheduled, open, closed,
-- final) is derived from the period and the database clock, so that every server instance
-- agrees without a job having to flip a status column.

create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  kind text not null default 'photo_hunt' check (kind in ('photo_hunt', 'asset_check', 'report_drive')),
  title text not null check (char_length(title) between 3 and 120),
  description text not null default '' check (char_length(description) <= 4000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- after the close, entries already sent can still be moderated for this long
  review_window interval not null default interval '3 days',
  points_per_entry integer not null default 10 check (points_per_entry between 0 and 1000),
  moderation text not null default 'auto' check (moderation in ('auto', 'moderated')),
  -- null while the campaign is a draft
  published_at timestamptz,
  -- set when an organiser closes the campaign before its end
  closed_at timestamptz,
  -- set once, when the standings were frozen into campaign_results
  finalized_at timestamptz,
  created_by uuid references auth.users (id) default auth.uid(),
  created_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
comment on table public.campaigns is 'Themed, time-boxed campaigns: photo hunts, asset checks, report drives.';

create or replace function public.campaign_phase(c public.campaigns)
returns text
language sql stable
set search_path = ''
as $$
  select case
    when c.published_at is null then 'draft'
    when now() < c.starts_at then 'scheduled'
    when now() < coalesce(least(c.closed_at, c.ends_at), c.ends_at) then 'open'
    when now() < coalesce(least(c.closed_at, c.ends_at), c.ends_at) + c.review_window then 'closed'
    else 'final'
  end
$$;
comment on function public.campaign_phase is 'Lifecycle phase of a campaign by the database clock.';

alter table public.campaigns enable row level security;

create policy "published campaigns are public" on public.campaigns
  for select to anon, authenticated
  using (published_at is not null or (select public.has_role('organiser')));
create policy "organisers create campaigns" on public.campaigns
  for insert to authenticated with check ((select public.has_role('organiser')));
create policy "organisers change campaigns" on public.campaigns
  for update to authenticated
  using ((select public.has_role('organiser'))) with check ((select public.has_role('organiser')));
create policy "organisers delete draft campaigns" on public.campaigns
  for delete to authenticated using ((select public.has_role('organiser')) and published_at is null);

create table public.campaign_areas (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  area_id bigint not null references public.areas (id),
  primary key (campaign_id, area_id)
);
comment on table public.campaign_areas is 'The wards or zones a campaign covers; entries must fall inside one.';

alter table public.campaign_areas enable row level security;
create policy "campaign areas are public" on public.campaign_areas
  for select to anon, authenticated using (true);
create policy "organisers set campaign areas" on public.campaign_areas
  for insert to authenticated with check ((select public.has_role('organiser')));
create policy "organisers remove campaign areas" on public.campaign_areas
  for delete to authenticated using ((select public.has_role('organiser')));

create table public.campaign_participants (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  joined_at timestamptz not null default now(),
  primary key (campaign_id, user_id)
);
comment on table public.campaign_participants is 'Who joined which campaign.';
create index campaign_participants_user_id_idx on public.campaign_participants (user_id);

alter table public.campaign_participants enable row level security;
create policy "participants are public" on public.campaign_participants
  for select to anon, authenticated using (true);
create policy "people join open campaigns" on public.campaign_participants
  for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (
      select 1 from public.campaigns c
      where c.id = campaign_id and public.campaign_phase(c) in ('scheduled', 'open')
    )
  );
create policy "people leave campaigns" on public.campaign_participants
  for delete to authenticated using (user_id = (select auth.uid()));

-- Closing early: only an open campaign, only by an organiser (the update policy checks the role).
create or replace function public.close_campaign(target uuid)
returns public.campaigns
language plpgsql volatile security invoker
set search_path = ''
as $$
declare
  closed public.campaigns;
begin
  update public.campaigns c set closed_at = now()
  where c.id = target and public.campaign_phase(c) = 'open'
  returning * into closed;
  if closed.id is null then
    raise exception 'campaign_not_open' using errcode = 'MQ002';
  end if;
  return closed;
end
$$;
