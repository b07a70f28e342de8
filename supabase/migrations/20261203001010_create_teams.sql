-- Teams: in a campaign that allows them, participants form teams (a neighbourhood association,
-- a school class, a supporters' club) and the campaign gets a team leaderboard. Participants
-- create teams themselves, by joining under a name nobody in the campaign uses yet; a person
-- belongs to one team per campaign.

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 2 and 40),
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  -- the target of team_members' foreign key, which keeps a member's team in their campaign
  unique (id, campaign_id)
);
comment on table public.teams is 'Teams of a campaign that allows teams, created by participants.';
create unique index teams_campaign_name_idx on public.teams (campaign_id, lower(btrim(name)));

create table public.team_members (
  campaign_id uuid not null,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  team_id uuid not null,
  joined_at timestamptz not null default now(),
  -- one team per person per campaign
  primary key (campaign_id, user_id),
  foreign key (team_id, campaign_id) references public.teams (id, campaign_id) on delete cascade
);
comment on table public.team_members is 'Who is in which team; one team per person per campaign.';
create index team_members_team_id_idx on public.team_members (team_id);

alter table public.teams enable row level security;
alter table public.team_members enable row level security;

create policy "teams are public" on public.teams
  for select to anon, authenticated using (true);
create policy "team members are public" on public.team_members
  for select to anon, authenticated using (true);

-- security definer: teams and team_members have no write policies, so that every join goes
-- through the checks here, which also give clear refusals.
create or replace function public.join_team(target uuid, team_name text)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  c public.campaigns;
  chosen uuid;
  clean text := btrim(coalesce(team_name, ''));
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ100';
  end if;

  select * into c from public.campaigns where id = target and published_at is not null;
  if c.id is null or not c.allow_teams then
    raise exception 'team_not_allowed' using errcode = 'MQ101';
  end if;
  if public.campaign_phase(c) not in ('scheduled', 'open') then
    raise exception 'team_campaign_not_open' using errcode = 'MQ102';
  end if;
  if char_length(clean) not between 2 and 40 then
    raise exception 'team_name_invalid' using errcode = 'MQ103';
  end if;
  if exists (select 1 from public.team_members where campaign_id = target and user_id = me) then
    raise exception 'team_already_joined' using errcode = 'MQ104';
  end if;

  insert into public.teams (campaign_id, name, created_by) values (target, clean, me)
  on conflict do nothing;
  select id into chosen from public.teams
  where campaign_id = target and lower(btrim(name)) = lower(clean);

  insert into public.campaign_participants (campaign_id, user_id) values (target, me)
  on conflict do nothing;
  begin
    insert into public.team_members (campaign_id, user_id, team_id) values (target, me, chosen);
  exception when unique_violation then
    -- a concurrent request of the same person joined first
    raise exception 'team_already_joined' using errcode = 'MQ104';
  end;
  return chosen;
end
$$;
comment on function public.join_team is 'Joins the team of that name in the campaign, creating it if new; one team per person per campaign.';

create or replace function public.team_standings(target uuid)
returns table (team_id uuid, name text, members bigint, points bigint, rank bigint)
language sql stable
set search_path = ''
as $$
  with sums as (
    select t.id, t.name, count(m.user_id) as members,
      coalesce(sum(ct.points) filter (where ct.points > 0), 0)::bigint as points,
      max(ct.reached_at) filter (where ct.points > 0) as reached_at
    from public.teams t
    left join public.team_members m on m.team_id = t.id
    left join public.campaign_totals ct on ct.campaign_id = m.campaign_id and ct.user_id = m.user_id
    where t.campaign_id = target
    group by t.id, t.name
  )
  select s.id, s.name, s.members, s.points,
    case when s.points > 0 then rank() over (order by s.points desc, s.reached_at) end
  from sums s
  order by s.points desc, s.reached_at nulls last, s.name
$$;
comment on function public.team_standings is 'Teams of a campaign by the sum of their members'' positive campaign points; a team without points has no rank.';
