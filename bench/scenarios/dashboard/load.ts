import type { Sql } from 'postgres';
import { loadReports } from '../viewport/load';

/** Registered reporters per 1,000 reports: a city's ratio, not a hard number. */
const PEOPLE_PER_THOUSAND = 20;

/**
 * The viewport scenario's reports, made into a dashboard's data: reporters who registered over
 * the years, channels (mostly the app, some phone and counter), each report's office, a time to
 * fix for the finished ones (hours to months, skewed like real repairs) and a repair record with
 * materials for one resolved report in ten. Set-based, a few statements.
 */
export async function loadDashboardData(sql: Sql, count: number): Promise<void> {
	await loadReports(sql, count);

	const people = Math.max(10, Math.round((count / 1000) * PEOPLE_PER_THOUSAND));
	await sql`
		insert into auth.users (id, email)
		select ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, 'bench' || n || '@example.test'
		from generate_series(1, ${people}) n`;
	await sql`
		insert into public.profiles (id, nickname, home_ward_code, terms_version, created_at)
		select ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, 'bench' || n,
			(array['12101', '12102', '12103', '12104', '12105', '12106'])[1 + n % 6], 'bench',
			now() - make_interval(secs => abs(hashint4(n)) % (8 * 365 * 86400))
		from generate_series(1, ${people}) n`;

	// The roll picks the channel: 70 % app (with a reporter), 15 % phone, 10 % counter, 5 % import.
	await sql`
		update public.reports r set
			office_id = c.office_id,
			channel = case when x.roll < 70 then 'app' when x.roll < 85 then 'phone'
				when x.roll < 95 then 'counter' else 'import' end,
			reporter_id = case when x.roll < 70 then ('00000000-0000-4000-9000-'
				|| lpad(to_hex(1 + abs(hashint4(r.number::int * 17)) % ${people}), 12, '0'))::uuid end,
			resolved_at = case when r.status in ('resolved', 'closed', 'forwarded') then least(now(),
				r.created_at + make_interval(secs => 3600 * (1 + power(abs(hashint4(r.number::int * 13)) % 1000, 2) / 500)))
			end
		from public.categories c,
			(select id, abs(hashint4(number::int * 7)) % 100 as roll from public.reports) x
		where c.id = r.category_id and x.id = r.id`;

	await sql`
		insert into public.report_repairs (report_id, completed_on, cost, crew_hours)
		select id, (resolved_at at time zone 'Asia/Tokyo')::date,
			1000 * (1 + abs(hashint4(number::int * 19)) % 200), 0.5 * (1 + abs(hashint4(number::int * 23)) % 16)
		from public.reports where status = 'resolved' and number % 10 = 0`;
	await sql`
		insert into public.repair_materials (report_id, item, quantity, unit)
		select report_id, m.item, 1 + abs(hashint4(length(m.item) + extract(doy from completed_on)::int)) % 5, m.unit
		from public.report_repairs
		cross join lateral (values ('アスファルト合材', '袋'), ('LED灯具', '個')) m(item, unit)
		where (m.unit = '袋') = (abs(hashint4(extract(doy from completed_on)::int)) % 2 = 0)`;
	await sql`vacuum analyze public.reports`;
	await sql`analyze public.profiles`;
	await sql`analyze public.report_repairs`;
	await sql`analyze public.repair_materials`;
}
