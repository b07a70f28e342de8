-- Theme proposals: a citizen's idea for a campaign, which others vote on and an organiser
-- accepts (turning it into a draft campaign and crediting the proposer) or declines with a
-- public reason. Votes and decisions go through the functions below, never direct writes, so
-- that the vote count, the one vote per person and the single acceptance always hold.

create table public.proposals (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  title text not null check (char_length(title) between 3 and 120),
  description text not null check (char_length(description) between 10 and 2000),
  kind text not null check (kind in ('photo_hunt', 'asset_check', 'report_drive')),
  -- codes of public.areas of kind 'ward' (checked by the trigger below), one or more
  ward_codes text[] not null check (cardinality(ward_codes) between 1 and 20),
  -- the suggested period, as calendar days in Chiba; both or neither
  starts_on date,
  ends_on date,
  status text not null default 'open' check (status in ('open', 'accepted', 'declined')),
  -- public: shown on the proposal once it is declined
  decline_reason text check (char_length(decline_reason) <= 1000),
  -- the draft campaign made from an accepted proposal
  campaign_id uuid references public.campaigns (id) on delete set null,
  -- kept by vote_proposal and unvote_proposal, so the list sorts by votes without counting
  vote_count integer not null default 0 check (vote_count >= 0),
  decided_by uuid references auth.users (id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check ((starts_on is null) = (ends_on is null)),
  check (ends_on > starts_on),
  check (status <> 'declined' or char_length(btrim(decline_reason)) > 0)
);
comment on table public.proposals is 'Citizens'' ideas for campaign themes; voted on, then accepted or declined by an organiser.';
create index proposals_status_votes_idx on public.proposals (status, vote_count desc, created_at desc);
create index proposals_status_created_idx on public.proposals (status, created_at desc);
create index proposals_author_created_idx on public.proposals (author_id, created_at desc);

alter table public.proposals enable row level security;

create policy "proposals are public" on public.proposals
  for select to anon, authenticated using (true);
create policy "citizens propose themes" on public.proposals
  for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and (select public.has_role('citizen'))
    and status = 'open' and vote_count = 0
    and campaign_id is null and decline_reason is null and decided_by is null
  );

-- A new proposal: its wards must be wards, and one person proposes at most five themes in any
-- 24 hours. The advisory lock makes concurrent proposals by one person take turns, so that the
-- count cannot be raced past the limit.
create or replace function public.check_new_proposal()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_at := now();

  if exists (
    select 1 from unnest(new.ward_codes) as w(code)
    where not exists (select 1 from public.areas a where a.kind = 'ward' and a.code = w.code)
  ) then
    raise exception 'proposal_unknown_ward' using errcode = 'MQ406';
  end if;

  perform pg_advisory_xact_lock(hashtext('proposal-limit'), hashtext(new.author_id::text));
  if (
    select count(*) from public.proposals p
    where p.author_id = new.author_id and p.created_at > now() - interval '24 hours'
  ) >= 5 then
    raise exception 'proposal_rate_limited' using errcode = 'MQ405';
  end if;

  return new;
end
$$;

create trigger proposals_check_new
  before insert on public.proposals
  for each row execute function public.check_new_proposal();

create table public.proposal_votes (
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (proposal_id, user_id)
);
comment on table public.proposal_votes is 'One vote per person per proposal; who voted is private, the count is public on proposals.';
create index proposal_votes_user_id_idx on public.proposal_votes (user_id);

alter table public.proposal_votes enable row level security;

-- Only your own votes are visible (to show "you voted"); writes only through the functions.
create policy "people see their own votes" on public.proposal_votes
  for select to authenticated using (user_id = (select auth.uid()));

-- A campaign made from a proposal credits its proposer.
alter table public.campaigns
  add column proposal_id uuid references public.proposals (id) on delete set null;
comment on column public.campaigns.proposal_id is 'The theme proposal this campaign was made from, if any.';
create index campaigns_proposal_id_idx on public.campaigns (proposal_id);

-- security definer: proposal_votes has no insert policy and vote_count no update policy, so
-- that the count always equals the votes. The proposal's row lock makes concurrent votes on it
-- take turns; the primary key keeps one vote per person whatever happens.
create or replace function public.vote_proposal(target uuid)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  p public.proposals;
  added integer;
begin
  if me is null then
    raise exception 'proposal_sign_in_required' using errcode = 'MQ407';
  end if;

  select * into p from public.proposals where id = target for update;
  if p.id is null then
    raise exception 'proposal_not_found' using errcode = 'MQ400';
  end if;
  if p.status <> 'open' then
    raise exception 'proposal_not_open' using errcode = 'MQ401';
  end if;
  if p.author_id = me then
    raise exception 'proposal_own_vote' using errcode = 'MQ402';
  end if;

  insert into public.proposal_votes (proposal_id, user_id) values (target, me)
  on conflict do nothing;
  get diagnostics added = row_count;

  update public.proposals set vote_count = vote_count + added where id = target
  returning vote_count into p.vote_count;
  return p.vote_count;
end
$$;
comment on function public.vote_proposal is 'Votes for an open proposal (not one''s own); a second vote is a no-op. Returns the count.';

-- security definer: as vote_proposal. Votes on a decided proposal stay as they were.
create or replace function public.unvote_proposal(target uuid)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  p public.proposals;
  removed integer;
begin
  if me is null then
    raise exception 'proposal_sign_in_required' using errcode = 'MQ407';
  end if;

  select * into p from public.proposals where id = target for update;
  if p.id is null then
    raise exception 'proposal_not_found' using errcode = 'MQ400';
  end if;
  if p.status <> 'open' then
    raise exception 'proposal_not_open' using errcode = 'MQ401';
  end if;

  delete from public.proposal_votes where proposal_id = target and user_id = me;
  get diagnostics removed = row_count;

  update public.proposals set vote_count = vote_count - removed where id = target
  returning vote_count into p.vote_count;
  return p.vote_count;
end
$$;
comment on function public.unvote_proposal is 'Withdraws one''s vote from an open proposal; a no-op without one. Returns the count.';

-- security definer: accepting writes a ledger line for the proposer, which no one may insert
-- directly, and must happen once: the proposal's row lock and status check see to that.
create or replace function public.accept_proposal(target uuid)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  p public.proposals;
  made uuid;
  -- with no suggested period: from 09:00 in 14 days to 18:00 fourteen days later, Chiba time
  today date := (now() at time zone 'Asia/Tokyo')::date;
  starts timestamptz;
  ends timestamptz;
begin
  if not public.has_role('organiser') then
    raise exception 'proposal_not_allowed' using errcode = 'MQ403';
  end if;

  select * into p from public.proposals where id = target for update;
  if p.id is null then
    raise exception 'proposal_not_found' using errcode = 'MQ400';
  end if;
  if p.status <> 'open' then
    raise exception 'proposal_not_open' using errcode = 'MQ401';
  end if;

  starts := (coalesce(p.starts_on, today + 14) + time '09:00') at time zone 'Asia/Tokyo';
  ends := (coalesce(p.ends_on, today + 28) + time '18:00') at time zone 'Asia/Tokyo';

  insert into public.campaigns (kind, title, description, starts_at, ends_at, published_at,
    created_by, proposal_id)
  values (p.kind, p.title, p.description, starts, ends, null, auth.uid(), p.id)
  returning id into made;

  insert into public.campaign_areas (campaign_id, area_id)
  select made, a.id from public.areas a where a.kind = 'ward' and a.code = any (p.ward_codes);

  -- The proposer's credit: not tied to the campaign, so it counts whatever becomes of it.
  insert into public.point_events (user_id, campaign_id, points, reason)
  values (p.author_id, null, 50, 'proposal_accepted');

  update public.proposals
  set status = 'accepted', campaign_id = made, decided_by = auth.uid(), decided_at = now()
  where id = target;
  return made;
end
$$;
comment on function public.accept_proposal is 'Turns an open proposal into a draft campaign and credits its proposer, once. Returns the campaign id.';

-- security definer: proposals have no update policy; only this function declines, with a reason.
create or replace function public.decline_proposal(target uuid, reason text)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  p public.proposals;
  why text := btrim(coalesce(reason, ''));
begin
  if not public.has_role('organiser') then
    raise exception 'proposal_not_allowed' using errcode = 'MQ403';
  end if;
  if char_length(why) = 0 or char_length(why) > 1000 then
    raise exception 'proposal_reason_required' using errcode = 'MQ404';
  end if;

  select * into p from public.proposals where id = target for update;
  if p.id is null then
    raise exception 'proposal_not_found' using errcode = 'MQ400';
  end if;
  if p.status <> 'open' then
    raise exception 'proposal_not_open' using errcode = 'MQ401';
  end if;

  update public.proposals
  set status = 'declined', decline_reason = why, decided_by = auth.uid(), decided_at = now()
  where id = target;
end
$$;
comment on function public.decline_proposal is 'Declines an open proposal with a public reason.';
