-- The points ledger: append-only. Leaderboards, levels and badges are derived from it.

create table public.point_events (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  campaign_id uuid references public.campaigns (id) on delete cascade,
  entry_id uuid,
  points integer not null,
  reason text not null check (reason in ('entry_approved', 'entry_withdrawn', 'bonus')),
  created_at timestamptz not null default now()
);
comment on table public.point_events is 'Append-only ledger of points; never updated or deleted.';
create index point_events_campaign_user_idx on public.point_events (campaign_id, user_id);
create index point_events_user_id_idx on public.point_events (user_id);

alter table public.point_events enable row level security;
create policy "points are public" on public.point_events
  for select to anon, authenticated using (true);

create or replace function public.forbid_ledger_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'point_events is append-only' using errcode = 'MQ900';
end
$$;

create trigger point_events_append_only
  before update or delete on public.point_events
  for each statement execute function public.forbid_ledger_change();

create table public.campaign_results (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  rank integer not null,
  points integer not null,
  primary key (campaign_id, user_id)
);
comment on table public.campaign_results is 'Standings frozen when a campaign becomes final; never changed afterwards.';

alter table public.campaign_results enable row level security;
create policy "results are public" on public.campaign_results
  for select to anon, authenticated using (true);

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
    select e.user_id, sum(e.points) as points,
      rank() over (order by sum(e.points) desc) as rank
    from public.point_events e
    where e.campaign_id = target
      and not exists (select 1 from public.campaigns c where c.id = target and c.finalized_at is not null)
    group by e.user_id
    having sum(e.points) > 0
  ),
  standings as (select * from frozen union all select * from live)
  select s.user_id, p.nickname, s.points, s.rank
  from standings s join public.profiles p on p.id = s.user_id
  order by s.rank, p.nickname
$$;
comment on function public.campaign_standings is 'Ranked participants: frozen results once final, else live from the ledger.';

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
  select target, e.user_id, rank() over (order by sum(e.points) desc), sum(e.points)
  from public.point_events e
  where e.campaign_id = target
  group by e.user_id
  having sum(e.points) > 0;

  update public.campaigns set finalized_at = now() where id = target;
  return true;
end
$$;
comment on function public.finalize_campaign is 'Freezes the standings of a campaign whose review window has ended; a no-op otherwise.';
