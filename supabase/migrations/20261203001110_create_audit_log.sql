-- The audit log: every organiser action (creating, publishing, closing and changing campaigns;
-- approving, rejecting, featuring and hiding entries) as one append-only line. Only admins read
-- it. Lines are written by the moderation functions and by a trigger on campaigns, never by a
-- client, so the table has no insert policy.

create table public.audit_log (
  id bigint generated always as identity primary key,
  -- no foreign key: the line outlives the account, and a cascade would have to change it
  actor_id uuid,
  action text not null check (char_length(action) between 1 and 60),
  target_type text not null check (target_type in ('campaign', 'entry')),
  target_id uuid not null,
  details jsonb not null default '{}'::jsonb,
  at timestamptz not null default now()
);
comment on table public.audit_log is 'Append-only record of organiser actions; readable by admins only.';
create index audit_log_at_idx on public.audit_log (at desc, id desc);
create index audit_log_target_idx on public.audit_log (target_type, target_id);

alter table public.audit_log enable row level security;

create policy "admins read the audit log" on public.audit_log
  for select to authenticated using ((select public.has_role('admin')));

create or replace function public.forbid_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'MQ249';
end
$$;

create trigger audit_log_append_only
  before update or delete or truncate on public.audit_log
  for each statement execute function public.forbid_audit_change();

-- security definer: organisers may not write the log themselves (no insert policy); the
-- functions and triggers that act for them call this. Not callable by clients (revoked below).
create or replace function public.record_audit(
  action text,
  target_type text,
  target_id uuid,
  details jsonb default '{}'::jsonb
)
returns void
language sql volatile security definer
set search_path = ''
as $$
  insert into public.audit_log (actor_id, action, target_type, target_id, details)
  values ((select auth.uid()), action, target_type, target_id, coalesce(details, '{}'::jsonb))
$$;
comment on function public.record_audit is 'Appends one line to the audit log for the requesting person.';
revoke execute on function public.record_audit(text, text, uuid, jsonb) from public;
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') then
    revoke execute on function public.record_audit(text, text, uuid, jsonb) from anon, authenticated;
  end if;
end
$$;

-- Campaigns change through plain updates under row-level security (publish, close, edit), so
-- a trigger records them. Freezing the standings (finalized_at) is the system's doing, not an
-- organiser's, and is not recorded; nor are changes made without an organiser (the demo seed).
-- security definer: the trigger runs as the organiser, who may not write the log directly.
create or replace function public.audit_campaign_change()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  changed jsonb;
begin
  if not public.has_role('organiser') then
    return null;
  end if;

  if tg_op = 'INSERT' then
    perform public.record_audit('campaign_created', 'campaign', new.id,
      jsonb_build_object('title', new.title, 'kind', new.kind,
        'published', new.published_at is not null));
  elsif tg_op = 'DELETE' then
    perform public.record_audit('campaign_deleted', 'campaign', old.id,
      jsonb_build_object('title', old.title));
  else
    select coalesce(jsonb_object_agg(n.key, n.value), '{}'::jsonb) into changed
    from jsonb_each(to_jsonb(new)) n
    where n.key <> 'finalized_at' and (to_jsonb(old) -> n.key) is distinct from n.value;
    if changed = '{}'::jsonb then
      return null;
    end if;
    perform public.record_audit(
      case
        when old.published_at is null and new.published_at is not null then 'campaign_published'
        when old.closed_at is null and new.closed_at is not null then 'campaign_closed'
        else 'campaign_updated'
      end,
      'campaign', new.id, changed);
  end if;
  return null;
end
$$;

create trigger campaigns_audit
  after insert or update or delete on public.campaigns
  for each row execute function public.audit_campaign_change();
