-- People: the public face of an account (auth.users) and the application roles it holds.

create type public.app_role as enum ('citizen', 'volunteer', 'organiser', 'staff', 'admin');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  -- public: shown on galleries and leaderboards instead of the person's name
  nickname text not null unique check (char_length(nickname) between 2 and 30),
  home_ward_code text not null,
  locale text not null default 'ja' check (locale in ('ja', 'en')),
  terms_version text not null,
  terms_accepted_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
comment on table public.profiles is 'A registered reporter: public nickname, home ward, accepted terms.';

alter table public.profiles enable row level security;

create policy "profiles are public" on public.profiles
  for select to anon, authenticated using (true);
create policy "people create their own profile" on public.profiles
  for insert to authenticated with check (id = (select auth.uid()));
create policy "people update their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

create table public.user_roles (
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.app_role not null,
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);
comment on table public.user_roles is 'Application roles of each person; one person can hold several.';

alter table public.user_roles enable row level security;

-- security definer: policies of other tables call this, and it must read user_roles without
-- recursing into user_roles' own policies.
create or replace function public.has_role(wanted public.app_role)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.user_roles
    where user_id = (select auth.uid()) and role = wanted
  )
$$;
comment on function public.has_role is 'True when the requesting person holds the given application role.';

create policy "people see their own roles" on public.user_roles
  for select to authenticated using (user_id = (select auth.uid()) or (select public.has_role('admin')));
create policy "admins grant roles" on public.user_roles
  for insert to authenticated with check ((select public.has_role('admin')));
create policy "admins revoke roles" on public.user_roles
  for delete to authenticated using ((select public.has_role('admin')));
