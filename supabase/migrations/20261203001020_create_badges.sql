-- Badges: a catalogue with names and icons, and the badges people have earned. Each is awarded
-- exactly once (per campaign, for the campaign badges), even under concurrent requests: a
-- unique constraint with `on conflict do nothing`, written only by triggers and functions.

create table public.badges (
  code text primary key check (code ~ '^[a-z][a-z_]{1,39}$'),
  name_ja text not null,
  name_en text not null,
  description_ja text not null,
  description_en text not null,
  -- an SVG under static/badges
  icon text not null,
  -- earned once per campaign rather than once per person
  per_campaign boolean not null default false,
  position integer not null
);
comment on table public.badges is 'The badges there are to earn: names, descriptions and icon.';

alter table public.badges enable row level security;
create policy "badges are public" on public.badges
  for select to anon, authenticated using (true);

insert into public.badges (code, name_ja, name_en, description_ja, description_en, icon, per_campaign, position) values
  ('first_entry', 'はじめの一枚', 'First entry',
   'キャンペーンへの投稿が初めて承認されました。', 'Your first entry to a campaign was approved.',
   '/badges/first_entry.svg', false, 10),
  ('ten_entries', '投稿10件', 'Ten entries',
   'キャンペーンへの投稿が10件承認されました。', 'Ten of your campaign entries were approved.',
   '/badges/ten_entries.svg', false, 20),
  ('first_report', 'はじめてのレポート', 'First report',
   'まちの困りごとを初めてレポートしました。', 'You sent your first report of a problem in town.',
   '/badges/first_report.svg', false, 30),
  ('inspector', '点検の達人', 'Inspector',
   '設備の初点検を10件行いました。', 'You were first to check ten assets.',
   '/badges/inspector.svg', false, 40),
  ('proposer', 'テーマの提案者', 'Proposer',
   '提案したテーマがキャンペーンになりました。', 'A theme you proposed became a campaign.',
   '/badges/proposer.svg', false, 50),
  ('volunteer', 'ボランティア', 'Volunteer',
   'ボランティアでの修繕が確認されました。', 'A fix you did as a volunteer was verified.',
   '/badges/volunteer.svg', false, 60),
  ('campaign_finished', 'キャンペーン完走', 'Campaign finished',
   '参加したキャンペーンの結果が確定しました。', 'A campaign you scored in has its final results.',
   '/badges/campaign_finished.svg', true, 70),
  ('top_three', '上位入賞', 'Top three',
   'キャンペーンの最終結果で3位以内に入りました。', 'You finished in the top three of a campaign.',
   '/badges/top_three.svg', true, 80);

create table public.badge_awards (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  badge_code text not null references public.badges (code),
  -- the campaign, for the badges earned per campaign; null for the others
  campaign_id uuid references public.campaigns (id) on delete cascade,
  awarded_at timestamptz not null default now(),
  constraint badge_awards_once unique nulls not distinct (user_id, badge_code, campaign_id)
);
comment on table public.badge_awards is 'Badges earned: once per person, or once per person and campaign.';
create index badge_awards_campaign_id_idx on public.badge_awards (campaign_id);

alter table public.badge_awards enable row level security;
create policy "earned badges are public" on public.badge_awards
  for select to anon, authenticated using (true);

-- security definer: nobody may award themselves a badge; the features that earn one call this
-- from their own security definer functions or triggers. It is the hook for badges that no
-- ledger line marks: the reports feature calls `public.award_badge(reporter, 'first_report')`
-- when it stores a report. Returns whether the badge was new.
create or replace function public.award_badge(person uuid, badge text, campaign uuid default null)
returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  added integer;
begin
  insert into public.badge_awards (user_id, badge_code, campaign_id)
  values (person, badge, campaign)
  on conflict do nothing;
  get diagnostics added = row_count;
  return added > 0;
end
$$;
comment on function public.award_badge is 'Awards a badge once (per campaign for campaign badges); for other definer functions only.';
revoke execute on function public.award_badge(uuid, text, uuid) from public, anon, authenticated;

-- security definer: writes badge_awards, which has no write policies. Fires after
-- point_events_totals (triggers on one event fire in name order), whose upsert holds the
-- person's lifetime_totals row until commit: concurrent lines of one person are therefore
-- counted one transaction after the other, and a tenth entry cannot be missed by two
-- transactions that each see nine.
create or replace function public.award_ledger_badges()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  with people as (
    select distinct a.user_id, a.reason from added a
    where a.reason in ('entry_approved', 'first_check', 'proposal_accepted', 'fix_verified')
  ),
  counts as (
    select e.user_id,
      count(*) filter (where e.reason = 'entry_approved')
        - count(*) filter (where e.reason = 'entry_withdrawn') as entries,
      count(*) filter (where e.reason = 'first_check') as checks
    from public.point_events e
    where e.user_id in (select p.user_id from people p where p.reason in ('entry_approved', 'first_check'))
    group by e.user_id
  ),
  earned as (
    select p.user_id, 'first_entry' as code from people p where p.reason = 'entry_approved'
    union select c.user_id, 'ten_entries' from counts c where c.entries >= 10
    union select c.user_id, 'inspector' from counts c where c.checks >= 10
    union select p.user_id, 'proposer' from people p where p.reason = 'proposal_accepted'
    union select p.user_id, 'volunteer' from people p where p.reason = 'fix_verified'
  )
  insert into public.badge_awards (user_id, badge_code)
  select earned.user_id, earned.code from earned order by 1, 2
  on conflict do nothing;
  return null;
end
$$;

create trigger point_events_totals_then_badges
  after insert on public.point_events
  referencing new table as added
  for each statement execute function public.award_ledger_badges();

-- Badges earned by the ledger and the results as they stand.
insert into public.badge_awards (user_id, badge_code)
select e.user_id, 'first_entry' from public.point_events e where e.reason = 'entry_approved'
union
select e.user_id, 'ten_entries' from public.point_events e group by e.user_id
  having count(*) filter (where e.reason = 'entry_approved')
    - count(*) filter (where e.reason = 'entry_withdrawn') >= 10
union
select e.user_id, 'inspector' from public.point_events e group by e.user_id
  having count(*) filter (where e.reason = 'first_check') >= 10
union
select e.user_id, 'proposer' from public.point_events e where e.reason = 'proposal_accepted'
union
select e.user_id, 'volunteer' from public.point_events e where e.reason = 'fix_verified'
on conflict do nothing;

insert into public.badge_awards (user_id, badge_code, campaign_id)
select r.user_id, 'campaign_finished', r.campaign_id from public.campaign_results r
union all
select r.user_id, 'top_three', r.campaign_id from public.campaign_results r where r.rank <= 3
on conflict do nothing;

-- security definer: campaign_results and badge_awards have no insert policy, so that only this
-- function, which checks the phase under a row lock, freezes the standings and awards the
-- closing badges, exactly once, whichever request first sees the campaign final.
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

  -- Took part: scored in the campaign, so is in its results.
  insert into public.badge_awards (user_id, badge_code, campaign_id)
  select r.user_id, 'campaign_finished', target from public.campaign_results r
  where r.campaign_id = target
  union all
  select r.user_id, 'top_three', target from public.campaign_results r
  where r.campaign_id = target and r.rank <= 3
  order by 1, 2
  on conflict do nothing;

  update public.campaigns set finalized_at = now() where id = target;
  return true;
end
$$;
comment on function public.finalize_campaign is 'Freezes the standings of a campaign whose review window has ended and awards its closing badges; a no-op otherwise.';
