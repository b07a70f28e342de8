-- PostGIS lives in the extensions schema, as on Supabase, so that the same SQL runs on a
-- Supabase project, on plain PostgreSQL and on the embedded PGlite.
create schema if not exists extensions;
create extension if not exists postgis with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;
