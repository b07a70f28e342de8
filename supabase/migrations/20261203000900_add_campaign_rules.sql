-- Scoring rules: the ledger's reasons for every way of earning points that campaigns, proposals
-- and volunteer fixes bring (each feature writes its own lines; totals, levels and badges read
-- them all), and the per-campaign rules that decide how many.
alter table public.point_events drop constraint point_events_reason_check;
alter table public.point_events add constraint point_events_reason_check check (reason in (
  'entry_approved',    -- an approved entry (campaign rule: points per entry)
  'entry_withdrawn',   -- an approved entry later rejected or hidden: the negative of the above
  'first_check',       -- asset check: the first check of an asset in the campaign
  'fault_found',       -- asset check: a check that found a fault
  'like_received',     -- photo hunt: a like on the person's entry, up to the campaign's cap
  'like_withdrawn',    -- photo hunt: that like taken back
  'proposal_accepted', -- a theme proposal that became a campaign
  'fix_verified',      -- a volunteer fix verified by staff
  'event_attended',    -- attendance at a volunteer event
  'bonus'              -- a manual bonus by an organiser
));

-- Each campaign's scoring rules, beside points_per_entry. Zero turns a rule off.
alter table public.campaigns
  add column first_check_bonus integer not null default 0 check (first_check_bonus between 0 and 1000),
  add column fault_bonus integer not null default 0 check (fault_bonus between 0 and 1000),
  add column like_points integer not null default 0 check (like_points between 0 and 100),
  -- the most points one entry can earn from likes
  add column like_points_cap integer not null default 0 check (like_points_cap between 0 and 10000),
  -- whether participants may join a team (one per campaign) with its own leaderboard
  add column allow_teams boolean not null default false;
comment on column public.campaigns.like_points_cap is 'The most points one entry can earn from likes.';
