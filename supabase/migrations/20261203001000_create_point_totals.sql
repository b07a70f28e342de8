-- Point totals: the ledger summed incrementally, per campaign, per calendar month (Asia/Tokyo)
-- and over a person's lifetime, so that a leaderboard reads the top of an index instead of
-- summing a million ledger lines per request. Each total keeps when the person reached the
-- current score (ties go to whoever reached it first), and copies of the profile's home ward
-- and leaderboard setting, so that the ward boards and the hiding are index scans as well.

alter table public.profiles
  add column hide_from_leaderboards boolean not null default false;
comment on column public.profiles.hide_from_leaderboards is
  'The person is left off public leaderboards; they still see their own rank.';

create table public.campaign_totals (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  points integer not null,
  -- when the person reached the current score: the earlier wins a tie
  reached_at timestamptz not null,
  -- copied from profiles by a trigger there
  ward_code text,
  hidden boolean not null default false,
  primary key (campaign_id, user_id)
);
comment on table public.campaign_totals is 'Each person''s points in each campaign, kept by the ledger''s trigger.';
create index campaign_totals_board_idx on public.campaign_totals (campaign_id, points desc, reached_at, user_id)
  where points > 0 and not hidden;
create index campaign_totals_user_id_idx on public.campaign_totals (user_id);

create table public.monthly_totals (
  -- the first day of the calendar month in Asia/Tokyo
  month date not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  points integer not null,
  reached_at timestamptz not null,
  ward_code text,
  hidden boolean not null default false,
  primary key (month, user_id)
);
comment on table public.monthly_totals is 'Each person''s points in each calendar month (Asia/Tokyo), kept by the ledger''s trigger.';
create index monthly_totals_board_idx on public.monthly_totals (month, points desc, reached_at, user_id)
  where points > 0 and not hidden;
create index monthly_totals_ward_board_idx on public.monthly_totals (month, ward_code, points desc, reached_at, user_id)
  where points > 0 and not hidden;
create index monthly_totals_user_id_idx on public.monthly_totals (user_id);

create table public.lifetime_totals (
  user_id uuid primary key references auth.users (id) on delete cascade,
  points integer not null,
  reached_at timestamptz not null,
  ward_code text,
  hidden boolean not null default false
);
comment on table public.lifetime_totals is 'Each person''s points over all time, kept by the ledger''s trigger.';
create index lifetime_totals_board_idx on public.lifetime_totals (points desc, reached_at, user_id)
  where points > 0 and not hidden;
create index lifetime_totals_ward_board_idx on public.lifetime_totals (ward_code, points desc, reached_at, user_id)
  where points > 0 and not hidden;

-- The ledger itself is public, so its sums are too; hiding is about the public boards, which
-- filter on `hidden`.
alter table public.campaign_totals enable row level security;
create policy "campaign totals are public" on public.campaign_totals
  for select to anon, authenticated using (true);
alter table public.monthly_totals enable row level security;
create policy "monthly totals are public" on public.monthly_totals
  for select to anon, authenticated using (true);
alter table public.lifetime_totals enable row level security;
create policy "lifetime totals are public" on public.lifetime_totals
  for select to anon, authenticated using (true);

create or replace function public.tokyo_month(at timestamptz)
returns date
language sql immutable
set search_path = ''
as $$
  select date_trunc('month', at at time zone 'Asia/Tokyo')::date
$$;
comment on function public.tokyo_month is 'The first day of the calendar month, in Asia/Tokyo, that a moment falls in.';

-- security definer: the totals have no write policies; only this trigger, fired by the ledger,
-- writes them. A statement trigger sums all the lines a statement added in one pass, so a bulk
-- load costs one upsert per person rather than one per line. Rows are upserted in key order so
-- that concurrent statements lock them in the same order and cannot deadlock; the upsert's row
-- lock serializes concurrent lines for one person, so the totals always equal the ledger.
create or replace function public.add_to_point_totals()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.campaign_totals as t (campaign_id, user_id, points, reached_at, ward_code, hidden)
  select a.campaign_id, a.user_id, sum(a.points),
    coalesce(max(a.created_at) filter (where a.points <> 0), max(a.created_at)),
    p.home_ward_code, coalesce(p.hide_from_leaderboards, false)
  from added a left join public.profiles p on p.id = a.user_id
  where a.campaign_id is not null
  group by a.campaign_id, a.user_id, p.home_ward_code, p.hide_from_leaderboards
  order by a.campaign_id, a.user_id
  on conflict (campaign_id, user_id) do update
  set points = t.points + excluded.points,
    reached_at = case when excluded.points <> 0 then greatest(t.reached_at, excluded.reached_at)
      else t.reached_at end;

  insert into public.monthly_totals as t (month, user_id, points, reached_at, ward_code, hidden)
  select public.tokyo_month(a.created_at), a.user_id, sum(a.points),
    coalesce(max(a.created_at) filter (where a.points <> 0), max(a.created_at)),
    p.home_ward_code, coalesce(p.hide_from_leaderboards, false)
  from added a left join public.profiles p on p.id = a.user_id
  group by public.tokyo_month(a.created_at), a.user_id, p.home_ward_code, p.hide_from_leaderboards
  order by 1, 2
  on conflict (month, user_id) do update
  set points = t.points + excluded.points,
    reached_at = case when excluded.points <> 0 then greatest(t.reached_at, excluded.reached_at)
      else t.reached_at end;

  insert into public.lifetime_totals as t (user_id, points, reached_at, ward_code, hidden)
  select a.user_id, sum(a.points),
    coalesce(max(a.created_at) filter (where a.points <> 0), max(a.created_at)),
    p.home_ward_code, coalesce(p.hide_from_leaderboards, false)
  from added a left join public.profiles p on p.id = a.user_id
  group by a.user_id, p.home_ward_code, p.hide_from_leaderboards
  order by a.user_id
  on conflict (user_id) do update
  set points = t.points + excluded.points,
    reached_at = case when excluded.points <> 0 then greatest(t.reached_at, excluded.reached_at)
      else t.reached_at end;

  return null;
end
$$;

create trigger point_events_totals
  after insert on public.point_events
  referencing new table as added
  for each statement execute function public.add_to_point_totals();

-- security definer: keeps the copies of the ward and the leaderboard setting in the totals,
-- which the person may not write, in step with the profile they may.
create or replace function public.copy_profile_to_totals()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.campaign_totals set ward_code = new.home_ward_code, hidden = new.hide_from_leaderboards
  where user_id = new.id;
  update public.monthly_totals set ward_code = new.home_ward_code, hidden = new.hide_from_leaderboards
  where user_id = new.id;
  update public.lifetime_totals set ward_code = new.home_ward_code, hidden = new.hide_from_leaderboards
  where user_id = new.id;
  return null;
end
$$;

create trigger profiles_copy_to_totals
  after insert or update of home_ward_code, hide_from_leaderboards on public.profiles
  for each row execute function public.copy_profile_to_totals();

-- Backfill from the ledger as it stands.
insert into public.campaign_totals (campaign_id, user_id, points, reached_at, ward_code, hidden)
select e.campaign_id, e.user_id, sum(e.points),
  coalesce(max(e.created_at) filter (where e.points <> 0), max(e.created_at)),
  p.home_ward_code, coalesce(p.hide_from_leaderboards, false)
from public.point_events e left join public.profiles p on p.id = e.user_id
where e.campaign_id is not null
group by e.campaign_id, e.user_id, p.home_ward_code, p.hide_from_leaderboards;

insert into public.monthly_totals (month, user_id, points, reached_at, ward_code, hidden)
select public.tokyo_month(e.created_at), e.user_id, sum(e.points),
  coalesce(max(e.created_at) filter (where e.points <> 0), max(e.created_at)),
  p.home_ward_code, coalesce(p.hide_from_leaderboards, false)
from public.point_events e left join public.profiles p on p.id = e.user_id
group by public.tokyo_month(e.created_at), e.user_id, p.home_ward_code, p.hide_from_leaderboards;

insert into public.lifetime_totals (user_id, points, reached_at, ward_code, hidden)
select e.user_id, sum(e.points),
  coalesce(max(e.created_at) filter (where e.points <> 0), max(e.created_at)),
  p.home_ward_code, coalesce(p.hide_from_leaderboards, false)
from public.point_events e left join public.profiles p on p.id = e.user_id
group by e.user_id, p.home_ward_code, p.hide_from_leaderboards;

-- The standings and the freeze, now from the totals. Ties on points go to whoever reached the
-- score first; people with the same points reached at the same moment share a rank.
create or replace function public.campaign_standings(target uuid)
returns table (user_id uuid, nickname text, points bigint, rank bigint)
language sql stable
set search_path = ''
as $$
  with frozen as (
    select r.user_id, r.points::bigint as points, r.rank::bigint as rank
    from public.campaign_results r where r.campaign_id = target
  ),
  live as (
    select t.user_id, t.points::bigint as points,
      rank() over (order by t.points desc, t.reached_at) as rank
    from public.campaign_totals t
    where t.campaign_id = target and t.points > 0
      and not exists (select 1 from public.campaigns c where c.id = target and c.finalized_at is not null)
  ),
  standings as (select * from frozen union all select * from live)
  select s.user_id, p.nickname, s.points, s.rank
  from standings s join public.profiles p on p.id = s.user_id
  order by s.rank, p.nickname
$$;
comment on function public.campaign_standings is 'Ranked participants: frozen results once final, else live from the totals.';

-- security definer: campaign_results has no insert policy, so that only this function, which
-- checks the phase under a row lock, can write the frozen standings, exactly once.
create or replace function public.finalize_campaign(target uuid)
returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  c public.campaigns;
begin
  select * into c from public.campaigns where id = target for update;
  if c.id is null or c.finalized_at is not null or public.campaign_phase(c) <> 'final' then
    return false;
  end if;

  insert into public.campaign_results (campaign_id, user_id, rank, points)
  select target, t.user_id, rank() over (order by t.points desc, t.reached_at), t.points
  from public.campaign_totals t
  where t.campaign_id = target and t.points > 0;

  update public.campaigns set finalized_at = now() where id = target;
  return true;
end
$$;
comment on function public.finalize_campaign is 'Freezes the standings of a campaign whose review window has ended; a no-op otherwise.';
