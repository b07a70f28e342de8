-- Sessions and sign-in attempts belong to the server alone: row-level security is on and no
-- policy lets anon or authenticated touch them.

create table public.sessions (
  -- SHA-256 of the opaque cookie value; the value itself is never stored
  id text primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '30 days'
);
comment on table public.sessions is 'Server-side sessions behind the opaque HttpOnly cookie.';
create index sessions_user_id_idx on public.sessions (user_id);

alter table public.sessions enable row level security;
revoke all on public.sessions from anon, authenticated;

create table public.sign_in_attempts (
  id bigint generated always as identity primary key,
  -- 'account:<email hash>' or 'address:<client address>'
  key text not null,
  attempted_at timestamptz not null default now()
);
comment on table public.sign_in_attempts is 'Failed sign-ins, counted per account and per client address to slow brute force.';
create index sign_in_attempts_key_idx on public.sign_in_attempts (key, attempted_at);

alter table public.sign_in_attempts enable row level security;
revoke all on public.sign_in_attempts from anon, authenticated;
