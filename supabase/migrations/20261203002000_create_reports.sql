-- Reports: a problem reported by a resident from the app, or by staff for a caller on the phone
-- or at the counter, with up to three photos, a place, a category and a description; its status
-- and a timeline of updates (public ones, and internal notes only staff read); followers and
-- "me too"; and, for staff only, the caller's contact details.

-- The municipalities around the city, so that a report outside it can say whose place it is.
create table public.municipalities (
  code text primary key,
  name_ja text not null,
  name_en text not null,
  geom extensions.geometry(MultiPolygon, 4326) not null
);
comment on table public.municipalities is 'Neighbouring municipalities (not the city): who owns a place outside the city boundary.';
create index municipalities_geom_idx on public.municipalities using gist (geom);
alter table public.municipalities enable row level security;
create policy "municipalities are public" on public.municipalities
  for select to anon, authenticated using (true);

alter table public.categories
  -- open reports of the same category closer than this are offered before a new one is sent
  add column nearby_m integer not null default 50 check (nearby_m between 5 and 2000);

create table public.reports (
  id uuid primary key default gen_random_uuid(),
  -- the short public reference people read out on the phone
  number bigint generated always as identity unique,
  category_id bigint not null references public.categories (id),
  -- routing: the category's office, or the office covering the ward; staff can reassign
  office_id bigint references public.offices (id),
  ward_id bigint references public.areas (id),
  location extensions.geometry(Point, 4326) not null,
  -- true when the place is a ward and a typed address, not a point someone chose
  location_approximate boolean not null default false,
  address text not null default '' check (char_length(address) <= 200),
  description text not null check (char_length(description) between 1 and 4000),
  status text not null default 'received' check (status in (
    'received', 'in_progress', 'resolved', 'forwarded', 'duplicate', 'closed')),
  channel text not null default 'app' check (channel in ('app', 'phone', 'counter', 'open311', 'import')),
  -- the resident's account (shown by nickname only); null for callers without one and imports
  reporter_id uuid references auth.users (id) on delete set null,
  duplicate_of uuid references public.reports (id),
  -- who owns a forwarded report ("not the city's")
  forwarded_to text check (char_length(forwarded_to) <= 200),
  -- offered to volunteers as a small fix
  fit_for_volunteers boolean not null default false,
  me_too_count integer not null default 0,
  follower_count integer not null default 0,
  -- an imported report's id in the system it came from
  external_id text,
  idempotency_key text check (char_length(idempotency_key) <= 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  resolved_at timestamptz,
  unique (reporter_id, idempotency_key),
  constraint reports_duplicate_has_original check ((status = 'duplicate') = (duplicate_of is not null)),
  constraint reports_forwarded_has_owner check (status <> 'forwarded' or forwarded_to is not null)
);
comment on table public.reports is 'Problems reported by residents or taken by staff for callers; public except who reported them.';
create index reports_location_idx on public.reports using gist (location);
create index reports_status_created_idx on public.reports (status, created_at desc);
create index reports_category_idx on public.reports (category_id, created_at desc);
create index reports_office_idx on public.reports (office_id, status);
create index reports_ward_idx on public.reports (ward_id, status);
create index reports_reporter_idx on public.reports (reporter_id);
create unique index reports_external_id_idx on public.reports (channel, external_id)
  where external_id is not null;

alter table public.reports enable row level security;
-- Written only through the functions of the next migration.
create policy "reports are public" on public.reports for select to anon, authenticated using (true);

-- Photos of a report: what the reporter sent, and the repair's before and after.
create table public.report_photos (
  report_id uuid not null references public.reports (id) on delete cascade,
  photo_id uuid not null unique references public.photos (id),
  kind text not null default 'report' check (kind in ('report', 'before', 'after')),
  position smallint not null check (position between 1 and 3),
  primary key (report_id, kind, position)
);
comment on table public.report_photos is 'Up to three photos per report and kind (the report, before and after the repair).';
alter table public.report_photos enable row level security;
create policy "report photos are public" on public.report_photos
  for select to anon, authenticated using (true);
create policy "photos of reports are public" on public.photos
  for select to anon, authenticated
  using (exists (select 1 from public.report_photos rp where rp.photo_id = photos.id));

-- The timeline: status changes and notes. Internal notes are for staff only.
create table public.report_updates (
  id bigint generated always as identity primary key,
  report_id uuid not null references public.reports (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null,
  kind text not null check (kind in ('created', 'status', 'note', 'assigned', 'merged', 'volunteers', 'repair')),
  status text,
  note text not null default '' check (char_length(note) <= 4000),
  internal boolean not null default false,
  -- a reassignment's office, a merge's kept report and the like
  detail jsonb not null default '{}',
  created_at timestamptz not null default now()
);
comment on table public.report_updates is 'The timeline of each report: public updates and internal staff notes.';
create index report_updates_report_idx on public.report_updates (report_id, created_at);
alter table public.report_updates enable row level security;
create policy "public updates are public" on public.report_updates
  for select to anon, authenticated using (not internal);
create policy "staff read internal notes" on public.report_updates
  for select to authenticated using ((select public.has_role('staff')));

create table public.report_followers (
  report_id uuid not null references public.reports (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (report_id, user_id)
);
comment on table public.report_followers is 'People notified of every status change of a report.';
create index report_followers_user_idx on public.report_followers (user_id);
alter table public.report_followers enable row level security;
create policy "people see what they follow" on public.report_followers
  for select to authenticated using (user_id = (select auth.uid()) or (select public.has_role('staff')));

create table public.report_me_too (
  report_id uuid not null references public.reports (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (report_id, user_id)
);
comment on table public.report_me_too is 'Residents who saw the same problem and said so instead of filing a duplicate.';
create index report_me_too_user_idx on public.report_me_too (user_id);
alter table public.report_me_too enable row level security;
create policy "people see their me too" on public.report_me_too
  for select to authenticated using (user_id = (select auth.uid()) or (select public.has_role('staff')));

-- Who reported what, beyond the public nickname: the caller of a phone or counter report and
-- the staff member who took it. Staff only.
create table public.report_contacts (
  report_id uuid primary key references public.reports (id) on delete cascade,
  caller_name text not null default '' check (char_length(caller_name) <= 100),
  caller_phone text not null default '' check (char_length(caller_phone) <= 40),
  caller_email text not null default '' check (char_length(caller_email) <= 200),
  taken_by uuid references auth.users (id) on delete set null
);
comment on table public.report_contacts is 'Contact details of callers and who took the call: visible to staff only.';
alter table public.report_contacts enable row level security;
create policy "staff read callers" on public.report_contacts
  for select to authenticated using ((select public.has_role('staff')));
