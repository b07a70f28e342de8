-- Volunteers and fixes: "citizens report, and citizens fix". A citizen becomes a volunteer by
-- accepting the volunteer terms (the version is kept); a fix is a small job, from a report that
-- staff marked fit for volunteers or made by an organiser; a volunteer claims it, does it and
-- sends proof; an organiser or staff member verifies it.
--
-- The rules that must hold live here: exactly one active claim per fix (a partial unique
-- index, after expired claims are retired under the fix's row lock), no more active claims per
-- volunteer than the limit (a per-volunteer advisory lock), no completion without the same
-- person's active claim. An expired claim frees the fix by itself: a claim is active only while
-- its expiry is in the future, whoever reads it, with no job needed.

create table public.volunteers (
  user_id uuid primary key references auth.users (id) on delete cascade,
  terms_version text not null,
  accepted_at timestamptz not null default now(),
  -- the wards (area codes) the volunteer likes to work in; empty for anywhere
  ward_codes text[] not null default '{}'
);
comment on table public.volunteers is 'Citizens who accepted the volunteer terms, with the version and their preferred wards.';
alter table public.volunteers enable row level security;
create policy "volunteers see their own record" on public.volunteers
  for select to authenticated using (user_id = (select auth.uid())
    or (select public.has_role('organiser')) or (select public.has_role('staff')));

create table public.fixes (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 1 and 120),
  what_to_do text not null check (char_length(what_to_do) between 1 and 2000),
  location extensions.geometry(Point, 4326) not null,
  ward_id bigint references public.areas (id),
  address text not null default '' check (char_length(address) <= 200),
  difficulty text not null default 'easy' check (difficulty in ('easy', 'medium', 'hard')),
  tools text not null default '' check (char_length(tools) <= 500),
  photo_id uuid references public.photos (id),
  -- the report staff marked fit for volunteers, if the fix came from one
  report_id uuid unique references public.reports (id) on delete set null,
  claim_hours integer not null default 72 check (claim_hours between 1 and 720),
  points integer not null default 30 check (points between 0 and 1000),
  -- open (claimable, or held by an active claim), done (verified), cancelled
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  done_at timestamptz
);
comment on table public.fixes is 'Small jobs volunteers can claim: what, where, how hard, tools, points.';
create index fixes_location_idx on public.fixes using gist (location);
create index fixes_status_idx on public.fixes (status, created_at desc);
alter table public.fixes enable row level security;
create policy "fixes are public" on public.fixes for select to anon, authenticated using (true);

create table public.fix_claims (
  id uuid primary key default gen_random_uuid(),
  fix_id uuid not null references public.fixes (id) on delete cascade,
  volunteer_id uuid not null references auth.users (id) on delete cascade,
  -- active: held (while expires_at is ahead); submitted: waiting for verification;
  -- released, expired, completed (verified), reopened (sent back and freed)
  state text not null default 'active' check (state in (
    'active', 'submitted', 'released', 'expired', 'completed', 'reopened')),
  claimed_at timestamptz not null default now(),
  expires_at timestamptz not null,
  extended boolean not null default false,
  after_photo_id uuid references public.photos (id),
  note text not null default '' check (char_length(note) <= 1000),
  minutes integer check (minutes between 1 and 1440),
  submitted_at timestamptz,
  verified_by uuid references auth.users (id),
  verified_at timestamptz,
  -- why a completion was sent back
  reason text check (char_length(reason) <= 500)
);
comment on table public.fix_claims is 'Who holds or held each fix, until when, and the proof of completion.';
-- One claim per fix that holds it: active (until retired once expired) or submitted.
create unique index fix_claims_one_holder_idx on public.fix_claims (fix_id)
  where state in ('active', 'submitted');
create index fix_claims_volunteer_idx on public.fix_claims (volunteer_id, state);
alter table public.fix_claims enable row level security;
create policy "claims are public" on public.fix_claims for select to anon, authenticated using (true);

create policy "after photos of completed fixes are public" on public.photos
  for select to anon, authenticated
  using (exists (select 1 from public.fix_claims c where c.after_photo_id = photos.id
    and c.state = 'completed'));
create policy "verifiers see submitted after photos" on public.photos
  for select to authenticated
  using (((select public.has_role('organiser')) or (select public.has_role('staff')))
    and exists (select 1 from public.fix_claims c where c.after_photo_id = photos.id));
create policy "photos of fixes are public" on public.photos
  for select to anon, authenticated
  using (exists (select 1 from public.fixes f where f.photo_id = photos.id));

-- Volunteer terms: the version in force. Accepting an older one does not count.
create or replace function public.volunteer_terms_version()
returns text language sql immutable set search_path = '' as $$ select '2026-12' $$;

-- security definer: accepting the terms grants the volunteer role, which citizens cannot grant.
create or replace function public.become_volunteer(version text, wards text[] default '{}')
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;
  if version is distinct from public.volunteer_terms_version() then
    raise exception 'terms_not_accepted' using errcode = 'MQ701';
  end if;
  if exists (select 1 from unnest(coalesce(wards, '{}')) w
    where not exists (select 1 from public.areas a where a.kind = 'ward' and a.code = w)) then
    raise exception 'unknown_ward' using errcode = 'MQ702';
  end if;
  insert into public.volunteers (user_id, terms_version, ward_codes)
  values (me, version, coalesce(wards, '{}'))
  on conflict (user_id) do update set terms_version = excluded.terms_version,
    accepted_at = now(), ward_codes = excluded.ward_codes;
  insert into public.user_roles (user_id, role) values (me, 'volunteer') on conflict do nothing;
end
$$;

-- security definer: fixes are written by organisers, or by staff from a report, only here.
create or replace function public.create_fix(
  title text,
  what_to_do text,
  lon double precision,
  lat double precision,
  difficulty text default 'easy',
  tools text default '',
  address text default '',
  photo uuid default null,
  report uuid default null,
  hours integer default 72,
  reward integer default 30
)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  point extensions.geometry;
  r public.reports;
  ward public.areas;
  made uuid;
begin
  if me is null or not (public.has_role('organiser') or public.has_role('staff')) then
    raise exception 'not_allowed' using errcode = 'MQ004';
  end if;
  if report is not null then
    select * into r from public.reports where id = report;
    if r.id is null or not r.fit_for_volunteers then
      raise exception 'report_not_fit' using errcode = 'MQ703';
    end if;
    point := r.location;
  elsif lon is not null and lat is not null then
    point := extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326);
  else
    raise exception 'location_required' using errcode = 'MQ606';
  end if;
  select * into ward from public.areas a where a.kind = 'ward' and extensions.st_covers(a.geom, point) limit 1;
  if ward.id is null then
    raise exception 'outside_city' using errcode = 'MQ604';
  end if;
  if photo is not null then
    update public.photos set state = 'attached', expires_at = null
    where id = photo and owner_id = me and state = 'pending';
    if not found then
      raise exception 'photo_missing' using errcode = 'MQ003';
    end if;
  end if;

  insert into public.fixes (title, what_to_do, location, ward_id, address, difficulty, tools,
    photo_id, report_id, claim_hours, points, created_by)
  values (btrim(title), btrim(what_to_do), point, ward.id,
    coalesce(nullif(btrim(address), ''), r.address, ''), difficulty, coalesce(tools, ''), photo,
    report, hours, reward, me)
  returning id into made;
  return made;
end
$$;

-- Retires the claims of a fix whose time ran out, so the unique index sees the fix as free.
-- Called under the fix's row lock. Internal (execute revoked).
create or replace function public.retire_expired_claims(target uuid)
returns void
language sql volatile
set search_path = ''
as $$
  update public.fix_claims set state = 'expired'
  where fix_id = target and state = 'active' and expires_at <= now()
$$;

-- security definer: a claim is written for the volunteer after the checks below.
create or replace function public.claim_fix(target uuid)
returns public.fix_claims
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  f public.fixes;
  made public.fix_claims;
  max_active constant integer := 3;
begin
  if me is null then
    raise exception 'sign_in_required' using errcode = 'MQ001';
  end if;
  if not public.has_role('volunteer') then
    raise exception 'volunteers_only' using errcode = 'MQ704';
  end if;
  -- one volunteer's claims are counted one request at a time
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('claims:' || me::text, 0));
  select * into f from public.fixes where id = target for update;
  if f.id is null then
    raise exception 'fix_missing' using errcode = 'MQ705';
  end if;
  if f.status <> 'open' then
    raise exception 'fix_not_open' using errcode = 'MQ706';
  end if;
  perform public.retire_expired_claims(target);
  if exists (select 1 from public.fix_claims where fix_id = target and state in ('active', 'submitted')) then
    raise exception 'fix_taken' using errcode = 'MQ707';
  end if;
  if (select count(*) from public.fix_claims
      where volunteer_id = me and state = 'active' and expires_at > now()) >= max_active then
    raise exception 'too_many_claims' using errcode = 'MQ708';
  end if;

  insert into public.fix_claims (fix_id, volunteer_id, expires_at)
  values (target, me, now() + make_interval(hours => f.claim_hours))
  returning * into made;
  return made;
end
$$;

-- The volunteer's active claim of a fix, locked; refuses when there is none. Internal.
create or replace function public.my_active_claim(target uuid)
returns public.fix_claims
language plpgsql volatile
set search_path = ''
as $$
declare
  c public.fix_claims;
begin
  perform 1 from public.fixes where id = target for update;
  select * into c from public.fix_claims
  where fix_id = target and volunteer_id = auth.uid() and state = 'active' and expires_at > now()
  for update;
  if c.id is null then
    raise exception 'no_active_claim' using errcode = 'MQ709';
  end if;
  return c;
end
$$;

-- security definer: as claim_fix. The holder extends once, by the fix's claim time.
create or replace function public.extend_claim(target uuid)
returns public.fix_claims
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  c public.fix_claims := public.my_active_claim(target);
begin
  if c.extended then
    raise exception 'already_extended' using errcode = 'MQ710';
  end if;
  update public.fix_claims
  set expires_at = c.expires_at + make_interval(hours => (select claim_hours from public.fixes where id = target)),
    extended = true
  where id = c.id
  returning * into c;
  return c;
end
$$;

-- security definer: as claim_fix.
create or replace function public.release_claim(target uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  c public.fix_claims := public.my_active_claim(target);
begin
  update public.fix_claims set state = 'released' where id = c.id;
end
$$;

-- security definer: the after photo is attached and the claim moves on, for its holder only.
create or replace function public.complete_fix(target uuid, photo uuid, proof_note text, spent_minutes integer)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  c public.fix_claims := public.my_active_claim(target);
begin
  if photo is null then
    raise exception 'after_photo_required' using errcode = 'MQ711';
  end if;
  if spent_minutes is null or spent_minutes not between 1 and 1440 then
    raise exception 'invalid_minutes' using errcode = 'MQ712';
  end if;
  update public.photos set state = 'attached', expires_at = null
  where id = photo and owner_id = auth.uid() and state = 'pending' and expires_at > now();
  if not found then
    raise exception 'photo_missing' using errcode = 'MQ003';
  end if;
  update public.fix_claims set state = 'submitted', after_photo_id = photo,
    note = coalesce(btrim(proof_note), ''), minutes = spent_minutes, submitted_at = now()
  where id = c.id;
end
$$;

-- security definer: verification writes the ledger and may resolve the linked report.
-- decision: 'approve', 'return' (back to the volunteer with a fresh claim time) or 'reopen'
-- (the fix is free for anyone again).
create or replace function public.verify_fix(target uuid, decision text, why text default null)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  f public.fixes;
  c public.fix_claims;
  r public.reports;
begin
  if me is null or not (public.has_role('organiser') or public.has_role('staff')) then
    raise exception 'not_allowed' using errcode = 'MQ004';
  end if;
  select * into f from public.fixes where id = target for update;
  select * into c from public.fix_claims where fix_id = target and state = 'submitted' for update;
  if c.id is null then
    raise exception 'nothing_to_verify' using errcode = 'MQ713';
  end if;
  if decision in ('return', 'reopen') and coalesce(char_length(btrim(why)), 0) = 0 then
    raise exception 'reason_required' using errcode = 'MQ714';
  end if;

  if decision = 'approve' then
    update public.fix_claims set state = 'completed', verified_by = me, verified_at = now()
    where id = c.id;
    update public.fixes set status = 'done', done_at = now() where id = target;
    if f.points > 0 then
      insert into public.point_events (user_id, points, reason)
      values (c.volunteer_id, f.points, 'fix_verified');
    end if;
    select * into r from public.reports where id = f.report_id for update;
    if r.id is not null and r.status in ('received', 'in_progress') then
      update public.reports set status = 'resolved', resolved_at = now(), updated_at = now()
      where id = r.id;
      insert into public.report_updates (report_id, author_id, kind, status, note, detail)
      values (r.id, me, 'status', 'resolved', 'ボランティアが直しました / Fixed by a volunteer',
        jsonb_build_object('fix_id', target));
    end if;
  elsif decision = 'return' then
    update public.fix_claims set state = 'active', reason = btrim(why), verified_by = me,
      verified_at = now(), submitted_at = null,
      expires_at = now() + make_interval(hours => f.claim_hours)
    where id = c.id;
  elsif decision = 'reopen' then
    update public.fix_claims set state = 'reopened', reason = btrim(why), verified_by = me,
      verified_at = now()
    where id = c.id;
  else
    raise exception 'invalid_decision' using errcode = 'MQ006';
  end if;
end
$$;

do $$
begin
  revoke execute on function public.retire_expired_claims(uuid) from public;
  revoke execute on function public.my_active_claim(uuid) from public;
  if exists (select 1 from pg_roles where rolname = 'anon') then
    revoke execute on function public.retire_expired_claims(uuid) from anon, authenticated;
    revoke execute on function public.my_active_claim(uuid) from anon, authenticated;
  end if;
end
$$;
