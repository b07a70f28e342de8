import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { list as listFixes } from '../fixes';
import { read as readReport, repair } from '../reports';
import { useTestDatabase } from '../testing';
import { upcoming } from '../volunteer-events';
import { asSystem, db, type Actor } from '.';
import { seedDemo } from './seed';

const WARDS = ['12101', '12102', '12103', '12104', '12105', '12106'];
const STATUSES = ['closed', 'duplicate', 'forwarded', 'in_progress', 'received', 'resolved'];

let staff: Actor;
let volunteer: Actor;

/**
 * The demo fills an empty database only. On PostgreSQL every spec file shares one database,
 * which the others have filled already: this file takes a new one on the same server.
 */
async function useEmptyServerDatabase(url: string) {
	const name = `machi_seed_${process.pid}_${Date.now().toString(36)}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	await admin.end();
	const own = new URL(url);
	own.pathname = `/${name}`;
	process.env.DATABASE_URL = own.toString();
}

beforeAll(async () => {
	await useTestDatabase();
	if (process.env.DATABASE_URL) await useEmptyServerDatabase(process.env.DATABASE_URL);
	process.env.PHOTO_DIR ??= mkdtempSync(join(tmpdir(), 'machi-spec-photos-'));
	const { sql } = await db();
	expect(await seedDemo(sql)).toBe(true);

	const people = await asSystem(
		'spec-seed-reports-people',
		(tx) => tx<{ email: string; id: string; roles: string[] }[]>`
			select u.email, u.id, array_agg(ur.role::text order by ur.role) as roles
			from auth.users u join public.user_roles ur on ur.user_id = u.id
			where u.email in ('organiser@example.jp', 'citizen1@example.jp') group by u.email, u.id`
	);
	const find = (email: string) => people.find((p) => p.email === email)!;
	staff = { id: find('organiser@example.jp').id, roles: find('organiser@example.jp').roles };
	volunteer = { id: find('citizen1@example.jp').id, roles: find('citizen1@example.jp').roles };
});

describe('the demo reports', () => {
	it('lie in every ward, in every status, from the app, the phone and the counter', async () => {
		const rows = await asSystem(
			'spec-seed-reports-spread',
			(tx) => tx<{ ward: string; status: string; channel: string }[]>`
				select a.code as ward, r.status, r.channel from public.reports r
				join public.areas a on a.id = r.ward_id where r.asset_id is null`
		);

		expect(rows.length).toBeGreaterThanOrEqual(35);
		expect([...new Set(rows.map((r) => r.ward))].sort()).toEqual(WARDS);
		expect([...new Set(rows.map((r) => r.status))].sort()).toEqual(STATUSES);
		for (const ward of WARDS) {
			expect(rows.filter((r) => r.ward === ward).length).toBeGreaterThanOrEqual(5);
		}
		const channels = rows.map((r) => r.channel);
		expect(channels.filter((c) => c === 'app').length).toBeGreaterThan(rows.length / 2);
		expect(channels).toContain('phone');
		expect(channels).toContain('counter');
	});

	it('keep the caller of each phone or counter report for staff, taken by the organiser', async () => {
		const callers = await asSystem(
			'spec-seed-reports-callers',
			(tx) => tx<{ channel: string; name: string; phone: string; takenBy: string | null }[]>`
				select r.channel, c.caller_name as name, c.caller_phone as phone, c.taken_by as "takenBy"
				from public.reports r left join public.report_contacts c on c.report_id = r.id
				where r.channel in ('phone', 'counter')`
		);

		expect(callers.length).toBeGreaterThanOrEqual(5);
		for (const caller of callers) {
			expect(caller.name).not.toBe('');
			expect(caller.phone).toMatch(/^043-/);
			expect(caller.takenBy).toBe(staff.id);
		}
	});

	it('spread over half a year, each timeline after its report and nothing in the future', async () => {
		const [ages] = await asSystem(
			'spec-seed-reports-ages',
			(tx) => tx<
				{
					oldest: number;
					newest: number;
					early: number;
					future: number;
					createdElsewhen: number;
					outOfOrder: number;
				}[]
			>`
				select
					(select extract(day from now() - min(created_at))::int from public.reports r
						where r.asset_id is null) as oldest,
					(select extract(epoch from now() - max(created_at))::int / 3600 from public.reports r
						where r.asset_id is null) as newest,
					(select count(*)::int from public.report_updates u join public.reports r on r.id = u.report_id
						where u.created_at < r.created_at) as early,
					(select count(*)::int from public.report_updates where created_at > now())
						+ (select count(*)::int from public.notifications where created_at > now())
						+ (select count(*)::int from public.reports where resolved_at > now()) as future,
					(select count(*)::int from public.report_updates u join public.reports r on r.id = u.report_id
						where u.kind = 'created' and u.created_at <> r.created_at) as "createdElsewhen",
					(select count(*)::int from public.reports a join public.reports b
						on a.number < b.number and a.created_at > b.created_at
						where a.asset_id is null and b.asset_id is null) as "outOfOrder"`
		);

		expect(ages.oldest).toBeGreaterThanOrEqual(150);
		expect(ages.oldest).toBeLessThanOrEqual(190);
		expect(ages.newest).toBeLessThan(24);
		expect(ages).toMatchObject({ early: 0, future: 0, createdElsewhen: 0, outOfOrder: 0 });
	});

	it('include a resolved report with its repair record and photos, and internal notes staff alone read', async () => {
		const [resolved] = await asSystem(
			'spec-seed-reports-repaired',
			(tx) => tx<{ id: string; number: number }[]>`
				select r.id, r.number::int from public.reports r
				join public.report_repairs p on p.report_id = r.id
				where r.status = 'resolved' and exists (
					select 1 from public.report_photos ph where ph.report_id = r.id and ph.kind = 'after')
				order by r.number limit 1`
		);
		expect(resolved).toBeDefined();

		const record = await repair(null, resolved.id);
		expect(record?.materials.length).toBeGreaterThan(0);
		expect(record?.cost).toBeGreaterThan(0);
		expect(record?.crewHours).toBeGreaterThan(0);
		expect(record?.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

		const seen = await readReport(null, resolved.number);
		expect(seen?.status).toBe('resolved');
		expect(seen?.photos.map((p) => p.kind).sort()).toEqual(['after', 'before', 'report']);
		expect(seen?.timeline.map((u) => u.kind)).toEqual(
			expect.arrayContaining(['created', 'status', 'repair'])
		);

		const [{ repairs, internal }] = await asSystem(
			'spec-seed-reports-repairs',
			(tx) => tx<{ repairs: number; internal: number }[]>`
				select (select count(*)::int from public.report_repairs) as repairs,
					(select count(*)::int from public.report_updates where internal) as internal`
		);
		expect(repairs).toBeGreaterThanOrEqual(8);
		expect(internal).toBeGreaterThanOrEqual(2);

		const [noted] = await asSystem(
			'spec-seed-reports-noted',
			(tx) => tx<{ number: number }[]>`
				select r.number::int from public.reports r
				where exists (select 1 from public.report_updates u where u.report_id = r.id and u.internal)
				order by r.number limit 1`
		);
		const asVisitor = await readReport(null, noted.number);
		const asStaff = await readReport(staff, noted.number);
		expect(asVisitor?.timeline.some((u) => u.internal)).toBe(false);
		expect(asStaff?.timeline.some((u) => u.internal)).toBe(true);
	});

	it('merge duplicates, name who owns forwarded ones, and count followers and me too', async () => {
		const [counts] = await asSystem(
			'spec-seed-reports-counts',
			(tx) => tx<{ duplicates: number; forwarded: number; meToo: number; wrongCounts: number }[]>`
				select
					(select count(*)::int from public.reports where status = 'duplicate'
						and duplicate_of is not null) as duplicates,
					(select count(*)::int from public.reports where status = 'forwarded'
						and forwarded_to <> '') as forwarded,
					(select count(*)::int from public.report_me_too) as "meToo",
					(select count(*)::int from public.reports r
						where r.me_too_count <> (select count(*) from public.report_me_too t where t.report_id = r.id)
							or r.follower_count <> (select count(*) from public.report_followers f
								where f.report_id = r.id)) as "wrongCounts"`
		);

		expect(counts.duplicates).toBeGreaterThanOrEqual(2);
		expect(counts.forwarded).toBeGreaterThanOrEqual(2);
		expect(counts.meToo).toBeGreaterThanOrEqual(5);
		expect(counts.wrongCounts).toBe(0);
	});
});

describe('the demo volunteering', () => {
	it('has the demo volunteer holding one fix among open ones, from reports and from the organiser', async () => {
		expect(volunteer.roles).toContain('volunteer');

		const open = await listFixes(volunteer);
		expect(open.length).toBeGreaterThanOrEqual(4);
		expect(open.filter((f) => f.reportNumber !== null).length).toBeGreaterThanOrEqual(2);
		expect(open.filter((f) => f.reportNumber === null).length).toBe(2);
		expect(open.filter((f) => f.claimable).length).toBeGreaterThanOrEqual(3);
		const held = open.filter((f) => f.holder);
		expect(held).toHaveLength(1);
		expect(held[0].holder).toMatchObject({ nickname: 'いなげの海風', state: 'active', mine: true });
		expect(held[0].holder!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
	});

	it('marks three reports fit for volunteers, one fixed by the demo volunteer and resolved', async () => {
		const [state] = await asSystem(
			'spec-seed-reports-fixes',
			(tx) => tx<{ fit: number; fromReports: number; resolvedByFix: number; history: number }[]>`
				select
					(select count(*)::int from public.reports where fit_for_volunteers) as fit,
					(select count(*)::int from public.fixes where report_id is not null) as "fromReports",
					(select count(*)::int from public.fixes f join public.reports r on r.id = f.report_id
						where f.status = 'done' and r.status = 'resolved') as "resolvedByFix",
					(select fixes_done from public.volunteer_history(${volunteer.id})) as history`
		);
		expect(state).toEqual({ fit: 3, fromReports: 3, resolvedByFix: 1, history: 1 });
	});

	it('posts two activities ahead, one a place short of full', async () => {
		const events = await upcoming(volunteer);
		expect(events).toHaveLength(2);
		for (const event of events) {
			expect(event.startsAt.getTime()).toBeGreaterThan(Date.now() + 3 * 24 * 3600 * 1000);
			expect(event.confirmed).toBeGreaterThan(0);
			expect(event.myState).toBe('confirmed');
		}
		expect(events.some((e) => e.capacity - e.confirmed === 1)).toBe(true);
	});

	it('loads only once', async () => {
		const { sql } = await db();
		expect(await seedDemo(sql)).toBe(false);
	});
});
