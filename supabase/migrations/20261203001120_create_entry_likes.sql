-- Likes on photo-hunt entries: one per person and entry (the primary key holds under
-- concurrency), never on one's own entry, and taken back at will. When the campaign gives
-- like_points, each like writes a 'like_received' line for the entry's author until the entry
-- has earned like_points_cap from likes; taking back a like that earned points writes the
-- matching 'like_withdrawn'. Once the campaign is final, likes earn and lose nothing.

alter table public.entries
  -- kept by like_entry and unlike_entry, so the gallery needs no aggregate over the likes
  add column like_count integer not null default 0 check (like_count >= 0);

create table public.entry_likes (
  entry_id uuid not null references public.entries (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  -- the like points this like earned the entry's author: 0 past the cap or without like points
  points integer not null default 0 check (points >= 0),
  created_at timestamptz not null default now(),
  primary key (entry_id, user_id)
);
comment on table public.entry_likes is 'Who likes which entry, and the like points each like earned.';
create index entry_likes_user_id_idx on public.entry_likes (user_id);

alter table public.entry_likes enable row level security;

-- Who liked what stays private; the public sees each entry's like_count.
create policy "people see their own likes" on public.entry_likes
  for select to authenticated using (user_id = (select auth.uid()));

-- security definer: a like writes to the points ledger for another person, which nobody may do
-- directly. The entry's row lock serialises the likes of one entry, so two likes at once
-- cannot both find room under the cap.
create or replace function public.like_entry(target uuid)
returns table (likes integer, awarded integer)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  e public.entries;
  c public.campaigns;
  earned integer;
  award integer := 0;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;

  select * into e from public.entries where id = target for update;
  if e.id is null or e.status <> 'approved' then
    raise exception 'like_not_found' using errcode = 'MQ200';
  end if;
  if e.user_id = me then
    raise exception 'like_own_entry' using errcode = 'MQ201';
  end if;
  if exists (select 1 from public.entry_likes l where l.entry_id = target and l.user_id = me) then
    return query select e.like_count, 0;
    return;
  end if;

  select * into c from public.campaigns where id = e.campaign_id;
  if c.like_points > 0 and public.campaign_phase(c) <> 'final' then
    select coalesce(sum(l.points), 0) into earned from public.entry_likes l where l.entry_id = target;
    award := greatest(0, least(c.like_points, c.like_points_cap - earned));
  end if;

  insert into public.entry_likes (entry_id, user_id, points) values (target, me, award);
  if award > 0 then
    insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
    values (e.user_id, e.campaign_id, e.id, award, 'like_received');
  end if;
  update public.entries set like_count = like_count + 1 where id = target;

  return query select e.like_count + 1, award;
end
$$;
comment on function public.like_entry is 'Likes an approved entry of someone else once; may earn its author like points up to the cap.';

-- security definer: as like_entry, it writes to another person's ledger.
create or replace function public.unlike_entry(target uuid)
returns table (likes integer, withdrawn integer)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  e public.entries;
  c public.campaigns;
  held integer;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;

  select * into e from public.entries where id = target for update;
  if e.id is null then
    raise exception 'like_not_found' using errcode = 'MQ200';
  end if;
  delete from public.entry_likes l where l.entry_id = target and l.user_id = me
  returning l.points into held;
  if not found then
    return query select e.like_count, 0;
    return;
  end if;

  select * into c from public.campaigns where id = e.campaign_id;
  if held > 0 and public.campaign_phase(c) <> 'final' then
    insert into public.point_events (user_id, campaign_id, entry_id, points, reason)
    values (e.user_id, e.campaign_id, e.id, -held, 'like_withdrawn');
  else
    held := 0;
  end if;
  update public.entries set like_count = like_count - 1 where id = target;

  return query select e.like_count - 1, held;
end
$$;
comment on function public.unlike_entry is 'Takes back the person''s like; gives back the like points it earned, unless the campaign is final.';
