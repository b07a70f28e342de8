-- Email for notifications: each person reads and changes only their own email choices; the mail
-- outbox is read by admins alone and written by nobody through the API; the generated secrets
-- are out of reach; and the queue gets one row per notification, none for a kind opted out of.
begin;
create extension if not exists pgtap with schema extensions;
set local search_path = public, extensions;
select plan(15);

create function pg_temp.act_as(person uuid) returns void language sql as $$
  select set_config('role', case when person is null then 'anon' else 'authenticated' end, true),
    set_config('request.jwt.claims', case when person is null then '{"role": "anon"}'
      else json_build_object('sub', person, 'role', 'authenticated')::text end, true)
$$;

-- Mio and Nao are citizens, Oto is an admin.
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-000000007001', 'mio@example.test'),
  ('00000000-0000-4000-8000-000000007002', 'nao@example.test'),
  ('00000000-0000-4000-8000-000000007003', 'oto@example.test');
insert into public.profiles (id, nickname, home_ward_code, terms_version) values
  ('00000000-0000-4000-8000-000000007001', 'mail-mio', '12101', 'test'),
  ('00000000-0000-4000-8000-000000007002', 'mail-nao', '12101', 'test'),
  ('00000000-0000-4000-8000-000000007003', 'mail-oto', '12101', 'test');
insert into public.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000007001', 'citizen'),
  ('00000000-0000-4000-8000-000000007002', 'citizen'),
  ('00000000-0000-4000-8000-000000007003', 'admin');
insert into public.email_opt_outs (user_id, kind) values
  ('00000000-0000-4000-8000-000000007002', 'badge_earned');

-- One notification each for Mio and Nao; Nao opted out of its kind.
insert into public.notifications (user_id, kind, detail) values
  ('00000000-0000-4000-8000-000000007001', 'badge_earned', '{"badge": "first_report"}'),
  ('00000000-0000-4000-8000-000000007002', 'badge_earned', '{"badge": "first_report"}');
select is((select count(*)::integer from public.mail_outbox
  where user_id = '00000000-0000-4000-8000-000000007001'), 1, 'a notification queues one mail');
select is((select count(*)::integer from public.mail_outbox
  where user_id = '00000000-0000-4000-8000-000000007002'), 0, 'none for a kind opted out of');
select throws_ok($$insert into public.mail_outbox (notification_id, user_id, kind)
  select id, user_id, kind from public.notifications where user_id = '00000000-0000-4000-8000-000000007001'$$,
  '23505', null, 'a notification cannot be queued twice');

select pg_temp.act_as('00000000-0000-4000-8000-000000007001');
select lives_ok($$insert into public.email_opt_outs (kind) values ('report_status')$$,
  'a person opts out of a kind');
select throws_ok($$insert into public.email_opt_outs (user_id, kind)
  values ('00000000-0000-4000-8000-000000007002', 'report_status')$$,
  '42501', null, 'but not for someone else');
select is((select array_agg(kind order by kind) from public.email_opt_outs), '{report_status}',
  'and sees only their own choices');
delete from public.email_opt_outs where user_id = '00000000-0000-4000-8000-000000007002';
select pg_temp.act_as(null);
select is((select count(*)::integer from public.email_opt_outs
  where user_id = '00000000-0000-4000-8000-000000007002'), 0,
  'a visitor sees no choices');
reset role;
select is((select count(*)::integer from public.email_opt_outs
  where user_id = '00000000-0000-4000-8000-000000007002'), 1,
  'nobody removes another person''s choice');

select pg_temp.act_as('00000000-0000-4000-8000-000000007001');
select is((select count(*)::integer from public.mail_outbox), 0,
  'a citizen cannot read the outbox, not even their own mail');
select throws_ok($$insert into public.mail_outbox (notification_id, user_id, kind)
  select id, user_id, kind from public.notifications$$, '42501', null,
  'nor write to it');
select pg_temp.act_as('00000000-0000-4000-8000-000000007003');
select is((select count(*)::integer from public.mail_outbox
  where user_id = '00000000-0000-4000-8000-000000007001'), 1, 'an admin reads the outbox');
update public.mail_outbox set state = 'sent';
reset role;
select is((select state from public.mail_outbox
  where user_id = '00000000-0000-4000-8000-000000007001'), 'pending',
  'but changes nothing in it');

select pg_temp.act_as('00000000-0000-4000-8000-000000007003');
select throws_ok($$select * from public.server_secrets$$, '42501', null,
  'even an admin cannot read the server secrets');
select throws_ok($$select public.notify_expiring_claims()$$, '42501', null,
  'nobody warns of expiring claims but the server');
select pg_temp.act_as(null);
select throws_ok($$select * from public.server_secrets$$, '42501', null,
  'nor can a visitor read the secrets');

select * from finish();
rollback;
