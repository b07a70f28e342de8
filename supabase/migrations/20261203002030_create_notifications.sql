-- In-app notifications. A report's status change notifies its reporter and followers (not the
-- staff member who made it), written by a trigger so that no path that changes a status can
-- forget it. Other features add their own kinds.

create table public.notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (char_length(kind) <= 40),
  report_id uuid references public.reports (id) on delete cascade,
  -- what the message needs: the new status, the report's number, …
  detail jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz
);
comment on table public.notifications is 'In-app notifications per person, with read state.';
create index notifications_user_idx on public.notifications (user_id, created_at desc);
create index notifications_unread_idx on public.notifications (user_id) where read_at is null;

alter table public.notifications enable row level security;
create policy "people read their notifications" on public.notifications
  for select to authenticated using (user_id = (select auth.uid()));
create policy "people mark their notifications read" on public.notifications
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create or replace function public.notify_report_status()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if new.kind <> 'status' or new.internal then
    return null;
  end if;
  insert into public.notifications (user_id, kind, report_id, detail)
  select f.user_id, 'report_status', new.report_id,
    jsonb_build_object('status', new.status, 'number', r.number, 'note', left(new.note, 200))
  from public.report_followers f join public.reports r on r.id = f.report_id
  where f.report_id = new.report_id and f.user_id is distinct from new.author_id;
  return null;
end
$$;

create trigger report_updates_notify
  after insert on public.report_updates
  for each row execute function public.notify_report_status();
