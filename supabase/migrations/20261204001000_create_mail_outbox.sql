-- Email for notifications. Every notification gets one row in the mail outbox, written by a
-- trigger in the same transaction as the notification, unless its person opted out of that
-- kind by email: so no notification is mailed twice (the unique notification_id) or lost (it
-- commits or rolls back with the notification). A sender in the server process claims due rows
-- (`for update skip locked`), renders them in the person's language and hands them to SMTP, or,
-- with no SMTP configured, keeps the rendered message here for admins to read (the dev outbox).

create table public.email_opt_outs (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  -- a notification kind: report_status, entry_moderated, badge_earned, claim_expiring, …
  kind text not null check (kind ~ '^[a-z][a-z_]{1,39}$'),
  created_at timestamptz not null default now(),
  primary key (user_id, kind)
);
comment on table public.email_opt_outs is 'Notification kinds a person gets in the app only, not by email.';

alter table public.email_opt_outs enable row level security;
create policy "people read their email choices" on public.email_opt_outs
  for select to authenticated using (user_id = (select auth.uid()));
create policy "people opt out of email" on public.email_opt_outs
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "people opt back in to email" on public.email_opt_outs
  for delete to authenticated using (user_id = (select auth.uid()));

create table public.mail_outbox (
  id bigint generated always as identity primary key,
  notification_id bigint not null unique references public.notifications (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null,
  -- pending: to be sent at next_attempt_at (first try, retry, or a claim whose sender died);
  -- sent: accepted by the SMTP server; outbox: no SMTP configured, kept here to be read;
  -- cancelled: opted out (or no address) before it left; failed: gave up after the last try
  state text not null default 'pending'
    check (state in ('pending', 'sent', 'outbox', 'cancelled', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text check (char_length(last_error) <= 300),
  -- the message as rendered when it was delivered
  recipient text,
  subject text,
  text_body text,
  html_body text,
  headers jsonb,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
comment on table public.mail_outbox is 'One email per notification: the sending queue, and the dev outbox when no SMTP server is set.';
create index mail_outbox_due_idx on public.mail_outbox (next_attempt_at) where state = 'pending';
create index mail_outbox_recent_idx on public.mail_outbox (created_at desc);

-- Admins read it (the /admin/outbox page); nobody writes it through the API: the trigger below
-- fills it and the server's sender (a system job) works it off.
alter table public.mail_outbox enable row level security;
create policy "admins read the mail outbox" on public.mail_outbox
  for select to authenticated using ((select public.has_role('admin')));

-- Secrets the server keeps in the database when none is configured, so that every instance
-- agrees on them and they survive restarts. No policies: only the server's system jobs read it.
create table public.server_secrets (
  name text primary key check (char_length(name) <= 60),
  value text not null,
  created_at timestamptz not null default now()
);
comment on table public.server_secrets is 'Generated server secrets (the unsubscribe token key); never readable through the API.';
alter table public.server_secrets enable row level security;
revoke all on public.server_secrets from anon, authenticated;

-- security definer: people cannot write the outbox. Runs for every notification, whichever
-- feature wrote it.
create or replace function public.queue_notification_mail()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  insert into public.mail_outbox (notification_id, user_id, kind)
  select new.id, new.user_id, new.kind
  where not exists (
    select 1 from public.email_opt_outs o where o.user_id = new.user_id and o.kind = new.kind
  );
  return null;
end
$$;

create trigger notifications_queue_mail
  after insert on public.notifications
  for each row execute function public.queue_notification_mail();
