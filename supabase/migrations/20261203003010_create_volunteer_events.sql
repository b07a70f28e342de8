-- Volunteer events: a group activity with a date, a meeting point, a capacity and what to
-- bring. Volunteers sign up until it is full, then join a waiting list that moves up when
-- someone cancels; attendance is recorded afterwards and earns points. Capacity is never
-- exceeded: sign-ups and cancellations take the event's row lock and count under it.

create table public.volunteer_events (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 1 and 120),
  description text not null default '' check (char_length(description) <= 2000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  meeting_point text not null check (char_length(meeting_point) between 1 and 200),
  location extensions.geometry(Point, 4326),
  capacity integer not null check (capacity between 1 and 1000),
  what_to_bring text not null default '' check (char_length(what_to_bring) <= 500),
  points integer not null default 20 check (points between 0 and 1000),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- set when attendance has been recorded: no more sign-ups or changes
  attendance_recorded_at timestamptz,
  check (ends_at > starts_at)
);
comment on table public.volunteer_events is 'Group volunteer activities with a capacity and a waiting list.';
create index volunteer_events_starts_idx on public.volunteer_events (starts_at);
alter table public.volunteer_events enable row level security;
create policy "events are public" on public.volunteer_events for select to anon, authenticated using (true);

create table public.event_signups (
  event_id uuid not null references public.volunteer_events (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  -- confirmed (has a place), waiting (in line), cancelled
  state text not null check (state in ('confirmed', 'waiting', 'cancelled')),
  signed_up_at timestamptz not null default clock_timestamp(),
  attended boolean,
  primary key (event_id, user_id)
);
comment on table public.event_signups is 'Who signed up to each event, in order, and whether they came.';
create index event_signups_user_idx on public.event_signups (user_id);
create index event_signups_line_idx on public.event_signups (event_id, state, signed_up_at);
alter table public.event_signups enable row level security;
create policy "people see their sign-ups" on public.event_signups
  for select to authenticated using (user_id = (select auth.uid())
    or (select public.has_role('organiser')) or (select public.has_role('staff')));

-- security definer: organisers post events only through here.
create or replace function public.create_volunteer_event(
  title text, description text, starts timestamptz, ends timestamptz, meeting text,
  lon double precision, lat double precision, places integer, bring text, reward integer default 20
)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  made uuid;
begin
  if auth.uid() is null or not public.has_role('organiser') then
    raise exception 'not_allowed' using errcode = 'MQ004';
  end if;
  if starts is null or ends is null or ends <= starts then
    raise exception 'invalid_period' using errcode = 'MQ720';
  end if;
  insert into public.volunteer_events (title, description, starts_at, ends_at, meeting_point,
    location, capacity, what_to_bring, points, created_by)
  values (btrim(title), coalesce(description, ''), starts, ends, btrim(meeting),
    case when lon is not null and lat is not null
      then extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326) end,
    places, coalesce(bring, ''), reward, auth.uid())
  returning id into made;
  return made;
end
$$;

-- security definer: a sign-up is written for the volunteer after counting the places under
-- the event's lock. Returns 'confirmed' or 'waiting'.
create or replace function public.sign_up_for_event(target uuid)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  ev public.volunteer_events;
  taken integer;
  placed text;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;
  if not public.has_role('volunteer') then
    raise exception 'volunteers_only' using errcode = 'MQ704';
  end if;
  select * into ev from public.volunteer_events where id = target for update;
  if ev.id is null then
    raise exception 'event_missing' using errcode = 'MQ721';
  end if;
  if ev.starts_at <= now() or ev.attendance_recorded_at is not null then
    raise exception 'event_closed' using errcode = 'MQ722';
  end if;
  if exists (select 1 from public.event_signups
      where event_id = target and user_id = me and state <> 'cancelled') then
    raise exception 'already_signed_up' using errcode = 'MQ723';
  end if;
  select count(*) into taken from public.event_signups where event_id = target and state = 'confirmed';
  placed := case when taken < ev.capacity then 'confirmed' else 'waiting' end;
  insert into public.event_signups (event_id, user_id, state)
  values (target, me, placed)
  on conflict (event_id, user_id) do update set state = excluded.state,
    signed_up_at = clock_timestamp(), attended = null;
  return placed;
end
$$;

-- security definer: cancelling frees a place, which the first in line takes.
create or replace function public.cancel_event_signup(target uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  ev public.volunteer_events;
  was text;
begin
  select * into ev from public.volunteer_events where id = target for update;
  if ev.id is null then
    raise exception 'event_missing' using errcode = 'MQ721';
  end if;
  if ev.attendance_recorded_at is not null then
    raise exception 'event_closed' using errcode = 'MQ722';
  end if;
  select state into was from public.event_signups
  where event_id = target and user_id = me and state <> 'cancelled';
  if was is null then
    raise exception 'not_signed_up' using errcode = 'MQ724';
  end if;
  update public.event_signups set state = 'cancelled' where event_id = target and user_id = me;
  if was = 'confirmed' then
    update public.event_signups set state = 'confirmed'
    where (event_id, user_id) = (
      select event_id, user_id from public.event_signups
      where event_id = target and state = 'waiting'
      order by signed_up_at limit 1);
  end if;
end
$$;

-- security definer: attendance writes the ledger. Organisers record it once the event has
-- started, naming who came; everyone else confirmed is recorded as absent.
create or replace function public.record_attendance(target uuid, attendees uuid[])
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ev public.volunteer_events;
  came integer;
begin
  if auth.uid() is null or not public.has_role('organiser') then
    raise exception 'not_allowed' using errcode = 'MQ004';
  end if;
  select * into ev from public.volunteer_events where id = target for update;
  if ev.id is null then
    raise exception 'event_missing' using errcode = 'MQ721';
  end if;
  if ev.starts_at > now() then
    raise exception 'event_not_started' using errcode = 'MQ725';
  end if;
  if ev.attendance_recorded_at is not null then
    raise exception 'attendance_already_recorded' using errcode = 'MQ726';
  end if;
  update public.event_signups set attended = (user_id = any (coalesce(attendees, '{}')))
  where event_id = target and state = 'confirmed';
  select count(*) into came from public.event_signups where event_id = target and attended;
  if ev.points > 0 then
    insert into public.point_events (user_id, points, reason)
    select user_id, ev.points, 'event_attended' from public.event_signups
    where event_id = target and attended;
  end if;
  update public.volunteer_events set attendance_recorded_at = now() where id = target;
  return came;
end
$$;

-- How full an event is. security definer: the counts are public, who signed up is not.
create or replace function public.event_counts(target uuid)
returns table (confirmed integer, waiting integer)
language sql stable security definer
set search_path = ''
as $$
  select count(*) filter (where state = 'confirmed')::integer,
    count(*) filter (where state = 'waiting')::integer
  from public.event_signups where event_id = target
$$;

-- The asker's place on an event's waiting list (1 = next), or null when not waiting.
-- security definer: it counts the people ahead, whom the asker may not see.
create or replace function public.my_place_in_line(target uuid)
returns integer
language sql stable security definer
set search_path = ''
as $$
  select count(ahead.user_id)::integer + 1
  from public.event_signups me
  left join public.event_signups ahead on ahead.event_id = me.event_id
    and ahead.state = 'waiting' and ahead.signed_up_at < me.signed_up_at
  where me.event_id = target and me.user_id = auth.uid() and me.state = 'waiting'
  group by me.user_id
$$;

-- A volunteer's history: fixes done, minutes, events attended. security definer: totals are
-- public (a profile shows them), the sign-ups behind them are not.
create or replace function public.volunteer_history(person uuid)
returns table (fixes_done integer, minutes integer, events_attended integer)
language sql stable security definer
set search_path = ''
as $$
  select
    (select count(*)::integer from public.fix_claims where volunteer_id = person and state = 'completed'),
    (select coalesce(sum(minutes), 0)::integer from public.fix_claims where volunteer_id = person and state = 'completed'),
    (select count(*)::integer from public.event_signups where user_id = person and attended)
$$;
