-- The audit log records every organiser action: campaigns created, changed, published and
-- closed (by a trigger), entries approved, rejected, featured and hidden (by their functions).
-- Only admins read it, and nobody changes or deletes a line.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(12);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- Hana organises, Ichiro sends an entry, Jun is an admin.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000002301', 'hana@example.test'),
  ('00000000-0000-4000-8000-000000002302', 'ichiro@example.test'),
  ('00000000-0000-4000-8000-000000002303', 'jun@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000002301', 'audit-hana', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000002302', 'audit-ichiro', 'chuo', 'test'),
  ('00000000-0000-4000-8000-000000002303', 'audit-jun', 'chuo', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000002301', 'citizen'),
  ('00000000-0000-4000-8000-000000002301', 'organiser'),
  ('00000000-0000-4000-8000-000000002302', 'citizen'),
  ('00000000-0000-4000-8000-000000002303', 'admin');

select pg_temp.act_as('00000000-0000-4000-8000-000000002301');
insert into public.campaigns (id, title, starts_at, ends_at) values
  ('00000000-0000-4000-8000-0000000c2301', 'Audited hunt', now() - interval '1 day', now() + interval '6 days');
update public.campaigns set title = 'Audited photo hunt'
where id = '00000000-0000-4000-8000-0000000c2301';
update public.campaigns set published_at = now()
where id = '00000000-0000-4000-8000-0000000c2301';
reset role;

insert into public.photos (id, owner_id, state, display_key, thumb_key, width, height, expires_at) values
  ('00000000-0000-4000-8000-00000000f231', '00000000-0000-4000-8000-000000002302', 'attached', 'k', 't', 8, 6, null);
insert into public.entries (id, campaign_id, user_id, photo_id, location, status) values
  ('00000000-0000-4000-8000-00000000e231', '00000000-0000-4000-8000-0000000c2301',
   '00000000-0000-4000-8000-000000002302', '00000000-0000-4000-8000-00000000f231',
   extensions.st_setsrid(extensions.st_makepoint(140.12, 35.60), 4326), 'pending');

select pg_temp.act_as('00000000-0000-4000-8000-000000002301');
do $$
begin
  perform id from public.moderate_entry('00000000-0000-4000-8000-00000000e231', 'rejected', 'Off theme');
  perform id from public.moderate_entry('00000000-0000-4000-8000-00000000e231', 'approved');
  perform id from public.feature_entry('00000000-0000-4000-8000-00000000e231', true);
  perform id from public.hide_entry('00000000-0000-4000-8000-00000000e231', 'Shows a face');
  perform id from public.close_campaign('00000000-0000-4000-8000-0000000c2301');
end
$$;
select is((select count(*)::integer from public.audit_log), 0, 'an organiser cannot read the audit log');
select throws_ok($$insert into public.audit_log (action, target_type, target_id)
  values ('campaign_deleted', 'campaign', gen_random_uuid())$$,
  '42501', null, 'an organiser cannot write the audit log directly');

select pg_temp.act_as('00000000-0000-4000-8000-000000002302');
select is((select count(*)::integer from public.audit_log), 0, 'a citizen cannot read the audit log');

select pg_temp.act_as('00000000-0000-4000-8000-000000002303');
select results_eq(
  $$select action, target_type from public.audit_log
    where target_id in ('00000000-0000-4000-8000-0000000c2301', '00000000-0000-4000-8000-00000000e231')
    order by id$$,
  $$values ('campaign_created'::text, 'campaign'::text), ('campaign_updated', 'campaign'),
    ('campaign_published', 'campaign'), ('entry_rejected', 'entry'), ('entry_approved', 'entry'),
    ('entry_featured', 'entry'), ('entry_hidden', 'entry'), ('campaign_closed', 'campaign')$$,
  'an admin reads every organiser action, in order'
);
select is(
  (select count(distinct actor_id)::integer from public.audit_log
   where actor_id = '00000000-0000-4000-8000-000000002301'), 1,
  'each line names the organiser who acted');
select is(
  (select count(*)::integer from public.audit_log where actor_id is distinct from '00000000-0000-4000-8000-000000002301'
     and target_id in ('00000000-0000-4000-8000-0000000c2301', '00000000-0000-4000-8000-00000000e231')), 0,
  'every line of these actions names the organiser');
select is(
  (select details ->> 'title' from public.audit_log where action = 'campaign_updated'
   and target_id = '00000000-0000-4000-8000-0000000c2301'),
  'Audited photo hunt', 'a change records the new values');
select is(
  (select details ->> 'reason' from public.audit_log where action = 'entry_rejected'
   and target_id = '00000000-0000-4000-8000-00000000e231'),
  'Off theme', 'a rejection records its reason');
select is(
  (select details ->> 'reason' from public.audit_log where action = 'entry_hidden'
   and target_id = '00000000-0000-4000-8000-00000000e231'),
  'Shows a face', 'hiding records its reason');
reset role;

-- Freezing the standings is the system's work, not an organiser's.
update public.campaigns set finalized_at = now() where id = '00000000-0000-4000-8000-0000000c2301';
select is((select count(*)::integer from public.audit_log
  where target_id = '00000000-0000-4000-8000-0000000c2301'), 4, 'freezing the standings adds no line');

select throws_ok($$update public.audit_log set action = 'nothing'$$, 'MQ249', 'audit_log is append-only',
  'no line of the audit log can be changed');
select throws_ok($$delete from public.audit_log$$, 'MQ249', 'audit_log is append-only',
  'no line of the audit log can be deleted');

select * from finish();
rollback;
