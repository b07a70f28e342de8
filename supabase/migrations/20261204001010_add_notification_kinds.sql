-- More notification kinds, each written where its event happens so that no path forgets it
-- (and each mailed through the outbox trigger like every notification):
--   entry_moderated  an organiser approved or rejected the person's entry
--   badge_earned     the person earned a badge
--   campaign_result  a campaign's standings were frozen: the person's final rank and points
--   claim_expiring   the person's claim of a fix has less than a day (or half its time) left;
--                    no event marks that moment, so the server's mail sender calls
--                    notify_expiring_claims() every minute

-- security definer: notifications have no insert policy.
create or replace function public.notify_entry_moderated()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  insert into public.notifications (user_id, kind, detail)
  select new.user_id, 'entry_moderated',
    jsonb_build_object('status', new.status, 'campaign_id', c.id, 'title', c.title,
      'note', coalesce(left(new.moderation_reason, 200), ''))
  from public.campaigns c
  where c.id = new.campaign_id and new.user_id is distinct from (select auth.uid());
  return null;
end
$$;

create trigger entries_notify_moderated
  after update of status on public.entries
  for each row
  when (old.status is distinct from new.status and new.status in ('approved', 'rejected'))
  execute function public.notify_entry_moderated();

-- security definer: as above. Awards come one statement at a time from the ledger trigger,
-- award_badge() and finalize_campaign().
create or replace function public.notify_badges_earned()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  insert into public.notifications (user_id, kind, detail)
  select a.user_id, 'badge_earned',
    jsonb_build_object('badge', a.badge_code, 'name_ja', b.name_ja, 'name_en', b.name_en,
      'campaign_id', a.campaign_id, 'title', coalesce(c.title, ''))
  from added a
  join public.badges b on b.code = a.badge_code
  left join public.campaigns c on c.id = a.campaign_id
  order by a.id;
  return null;
end
$$;

create trigger badge_awards_notify
  after insert on public.badge_awards
  referencing new table as added
  for each statement execute function public.notify_badges_earned();

-- security definer: as above. finalize_campaign() writes a campaign's results in one statement.
create or replace function public.notify_campaign_results()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  insert into public.notifications (user_id, kind, detail)
  select r.user_id, 'campaign_result',
    jsonb_build_object('campaign_id', r.campaign_id, 'title', c.title, 'rank', r.rank,
      'points', r.points,
      'ranked', (select count(*) from public.campaign_results x where x.campaign_id = r.campaign_id))
  from added r
  join public.campaigns c on c.id = r.campaign_id
  order by r.campaign_id, r.rank;
  return null;
end
$$;

create trigger campaign_results_notify
  after insert on public.campaign_results
  referencing new table as added
  for each statement execute function public.notify_campaign_results();

alter table public.fix_claims
  -- the expiry the volunteer was last warned about; an extended claim is warned again
  add column expiry_warned_for timestamptz;
comment on column public.fix_claims.expiry_warned_for is 'The expires_at the holder was warned about, so each expiry is announced once.';

-- security definer: a system job (the server's mail sender) writes notifications and marks the
-- claims warned. Concurrent callers cannot both warn: the update locks each claim and the second
-- re-reads expiry_warned_for. A claim is due when less than a day is left, or less than half its
-- time for claims shorter than two days. Returns how many were warned.
create or replace function public.notify_expiring_claims()
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  warned integer;
begin
  with due as (
    update public.fix_claims c set expiry_warned_for = c.expires_at
    where c.state = 'active' and c.expires_at > now()
      and c.expires_at - now() <= least(interval '24 hours', (c.expires_at - c.claimed_at) / 2)
      and c.expiry_warned_for is distinct from c.expires_at
    returning c.fix_id, c.volunteer_id, c.expires_at
  )
  insert into public.notifications (user_id, kind, detail)
  select d.volunteer_id, 'claim_expiring',
    jsonb_build_object('fix_id', d.fix_id, 'title', f.title, 'expires_at', d.expires_at)
  from due d join public.fixes f on f.id = d.fix_id;
  get diagnostics warned = row_count;
  return warned;
end
$$;
comment on function public.notify_expiring_claims is 'Warns holders of claims that expire soon, once per expiry; for the server''s sender job.';
revoke execute on function public.notify_expiring_claims() from public, anon, authenticated;

create index fix_claims_active_expiry_idx on public.fix_claims (expires_at) where state = 'active';

-- One shape for reading any notification, in the app and in the mail sender. security_invoker:
-- row-level security of notifications (and reports) applies to whoever reads it.
create view public.notification_details with (security_invoker = true) as
select n.id, n.user_id, n.kind, n.created_at, n.read_at,
  coalesce(r.number, (n.detail ->> 'number')::bigint) as report_number,
  n.detail ->> 'status' as status,
  coalesce(n.detail ->> 'note', '') as note,
  (n.detail ->> 'campaign_id')::uuid as campaign_id,
  (n.detail ->> 'fix_id')::uuid as fix_id,
  coalesce(n.detail ->> 'title', '') as title,
  n.detail ->> 'badge' as badge,
  coalesce(n.detail ->> 'name_ja', '') as badge_name_ja,
  coalesce(n.detail ->> 'name_en', '') as badge_name_en,
  (n.detail ->> 'rank')::integer as rank,
  (n.detail ->> 'points')::integer as points,
  (n.detail ->> 'ranked')::integer as ranked,
  (n.detail ->> 'expires_at')::timestamptz as expires_at
from public.notifications n
left join public.reports r on r.id = n.report_id;
comment on view public.notification_details is 'Notifications with their details as columns; row-level security of notifications applies.';
