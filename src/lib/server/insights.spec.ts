import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { DomainError } from './errors';
import * as insights from './insights';
import { createPerson, ensurePlaces, useTestDatabase } from './testing';

// A small dataset whose figures are known: categories, an office and moments of this run alone,
// so that the counts are this file's even on a PostgreSQL database shared with other specs.

const RUN = Date.now().toString(36);
const ROAD = `spec-ins-road-${RUN}`;
const PARK = `spec-ins-park-${RUN}`;
const OFFICE = `spec-ins-office-${RUN}`;
const CHUO = '12101';
const MIHAMA = '12106';
/** March 2026 in Tokyo: the month the resolved reports were received and fixed. */
const MARCH = { from: '2026-03', to: '2026-03' };

let citizen: Actor;
let staff: Actor;
let organiser: Actor;
let reporters: Actor[];

interface Row {
	category: string;
	ward: string;
	status?: string;
	channel?: string;
	reporter?: string | null;
	created: string;
	resolved?: string | null;
}

async function insert(rows: Row[]): Promise<string[]> {
	return asSystem('spec-insights-reports', async (tx) => {
		const ids: string[] = [];
		for (const row of rows) {
			const [{ id }] = await tx<{ id: string }[]>`
				insert into public.reports (category_id, office_id, ward_id, location, description, status,
					channel, reporter_id, created_at, resolved_at)
				select c.id, c.office_id, a.id, extensions.st_pointonsurface(a.geom), 'spec',
					${row.status ?? 'received'}, ${row.channel ?? 'app'}, ${row.reporter ?? null},
					${row.created}::timestamptz, ${row.resolved ?? null}::timestamptz
				from public.categories c, public.areas a
				where c.code = ${row.category} and a.kind = 'ward' and a.code = ${row.ward}
				returning id`;
			ids.push(id);
		}
		return ids;
	});
}

const daysAgo = (days: number) =>
	new Date(Date.now() - days * 86_400_000 - 3_600_000).toISOString();
const filter = (changes: Partial<insights.InsightsFilter> = {}): insights.InsightsFilter => ({
	...MARCH,
	ward: null,
	category: ROAD,
	...changes
});

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	[citizen, staff, organiser] = await Promise.all([
		createPerson(),
		createPerson(['staff']),
		createPerson(['organiser'])
	]);
	reporters = [await createPerson(), await createPerson()];
	await asSystem('spec-insights-places', async (tx) => {
		const [{ id }] = await tx<{ id: number }[]>`
			insert into public.offices (code, name_ja, name_en) values (${OFFICE}, '道路課（仕様）', 'Roads (spec)')
			returning id`;
		await tx`insert into public.categories (code, group_code, name_ja, name_en, office_id)
			values (${ROAD}, 'road', '道路（仕様）', 'Road (spec)', ${id}),
				(${PARK}, 'park', '公園（仕様）', 'Park (spec)', ${id})`;
	});

	// Ten road reports received on 1 March at noon in Tokyo, resolved 1 to 10 days later.
	const resolved = await insert(
		Array.from({ length: 10 }, (_, index) => ({
			category: ROAD,
			ward: index < 8 ? CHUO : MIHAMA,
			status: 'resolved',
			channel: index < 6 ? 'app' : index < 8 ? 'phone' : 'counter',
			reporter: index < 6 ? reporters[index % 2].id : null,
			created: '2026-03-01T12:00:00+09:00',
			resolved: new Date(
				Date.parse('2026-03-01T12:00:00+09:00') + (index + 1) * 86_400_000
			).toISOString()
		}))
	);
	// A park report the same month, and a road report closed without a fix (no time to fix).
	await insert([
		{ category: PARK, ward: CHUO, created: '2026-03-05T10:00:00+09:00' },
		{
			category: ROAD,
			ward: CHUO,
			status: 'closed',
			created: '2026-03-06T10:00:00+09:00',
			resolved: '2026-03-07T10:00:00+09:00'
		}
	]);
	// Open road reports waiting 2, 10, 40, 100 and 400 days.
	await insert(
		[2, 10, 40, 100, 400].map((days) => ({ category: ROAD, ward: CHUO, created: daysAgo(days) }))
	);

	await asSystem('spec-insights-repairs', async (tx) => {
		await tx`insert into public.report_repairs (report_id, completed_on, cost, crew_hours)
			values (${resolved[0]}, '2026-03-02', 12000, 2.5), (${resolved[1]}, '2026-03-03', 8000, 1.5)`;
		await tx`insert into public.repair_materials (report_id, item, quantity, unit)
			values (${resolved[0]}, 'アスファルト合材', 2, '袋'), (${resolved[1]}, 'アスファルト合材', 3, '袋'),
				(${resolved[1]}, 'コーン', 1, '個')`;
	});
});

describe('reports per month', () => {
	it('counts the period by category, ward and channel', async () => {
		const rows = await insights.reportsByMonth(null, filter({ category: null }));
		const mine = (dimension: string, key: string) =>
			rows.find((row) => row.month === '2026-03' && row.dimension === dimension && row.key === key)
				?.reports;
		expect(mine('category', ROAD)).toBe(11);
		expect(mine('category', PARK)).toBe(1);
	});

	it('applies the ward and category filters', async () => {
		const rows = await insights.reportsByMonth(null, filter({ ward: CHUO }));
		const of = (dimension: string) => rows.filter((row) => row.dimension === dimension);
		expect(of('category')).toEqual([
			{ month: '2026-03', dimension: 'category', key: ROAD, reports: 9 }
		]);
		expect(of('ward')).toEqual([{ month: '2026-03', dimension: 'ward', key: CHUO, reports: 9 }]);
		expect(of('channel').map((row) => [row.key, row.reports])).toEqual([
			['app', 7],
			['phone', 2]
		]);
	});

	it('follows a report that changes category or goes away', async () => {
		const [moved] = await insert([
			{ category: ROAD, ward: CHUO, created: '2026-03-20T10:00:00+09:00' }
		]);
		const roads = async () =>
			(await insights.reportsByMonth(null, filter())).find((row) => row.dimension === 'category')
				?.reports;
		expect(await roads()).toBe(12);
		await asSystem(
			'spec-insights-move',
			(tx) => tx`update public.reports set category_id =
			(select id from public.categories where code = ${PARK}) where id = ${moved}`
		);
		expect(await roads()).toBe(11);
		await asSystem(
			'spec-insights-delete',
			(tx) => tx`delete from public.reports where id = ${moved}`
		);
		const parks = await insights.reportsByMonth(null, filter({ category: PARK }));
		expect(parks.find((row) => row.dimension === 'category')?.reports).toBe(1);
	});

	it('leaves out months outside the period', async () => {
		expect(await insights.reportsByMonth(null, filter({ from: '2026-04', to: '2026-05' }))).toEqual(
			[]
		);
	});
});

describe('time to fix', () => {
	it('gives the median and the 90th percentile in hours, from received to resolved', async () => {
		const rows = await insights.timeToFix(null, filter());
		const all = rows.find((row) => row.dimension === 'all');
		// 24, 48 … 240 hours: the median lies between 120 and 144, the 90th percentile 0.1 of
		// the way from 216 to 240 (linear interpolation, as percentile_cont).
		expect(all).toMatchObject({ reports: 10, medianHours: 132 });
		expect(all?.p90Hours).toBeCloseTo(218.4, 6);
		expect(rows.find((row) => row.dimension === 'office')).toMatchObject({
			key: OFFICE,
			reports: 10
		});
		expect(rows.find((row) => row.dimension === 'month')).toMatchObject({
			key: '2026-03',
			reports: 10
		});
	});

	it('counts only the reports of the chosen ward', async () => {
		const [all] = (await insights.timeToFix(null, filter({ ward: MIHAMA }))).filter(
			(row) => row.dimension === 'all'
		);
		// The last two: 216 and 240 hours.
		expect(all).toMatchObject({ reports: 2, medianHours: 228 });
	});
});

describe('open backlog', () => {
	it('puts each open report in its age bucket, whatever the period', async () => {
		const buckets = await insights.backlog(null, filter());
		expect(buckets.map((bucket) => [bucket.bucket, bucket.reports])).toEqual([
			['0-7', 1],
			['8-30', 1],
			['31-90', 1],
			['91-365', 1],
			['366+', 1]
		]);
		expect(buckets[4].oldestDays).toBe(400);
	});

	it('is empty for a ward without open reports of the category', async () => {
		const buckets = await insights.backlog(null, filter({ ward: MIHAMA }));
		expect(buckets.every((bucket) => bucket.reports === 0 && bucket.oldestDays === null)).toBe(
			true
		);
	});
});

describe('reporters', () => {
	it('counts active reporters and how reports arrived, month by month', async () => {
		const months = await insights.reporters(null, { ...filter(), from: '2026-02', to: '2026-03' });
		expect(months.map((row) => row.month)).toEqual(['2026-02', '2026-03']);
		expect(months[0]).toMatchObject({ activeReporters: 0, appReports: 0, staffReports: 0 });
		expect(months[1]).toMatchObject({
			activeReporters: 2,
			appReports: 7,
			staffReports: 4,
			otherReports: 0
		});
	});

	it('counts registrations per month and the running total', async () => {
		await asSystem(
			'spec-insights-registered',
			(tx) => tx`update public.profiles set created_at = '2001-05-10T00:00:00+09:00'
				where id in ${tx(reporters.map((person) => person.id))}`
		);
		await insert(
			[1, 2].map((day) => ({
				category: PARK,
				ward: MIHAMA,
				reporter: reporters[0].id,
				created: `2001-05-0${day}T12:00:00+09:00`
			}))
		);
		const period = { from: '2001-04', to: '2001-06', ward: null, category: null };
		const months = await insights.reporters(null, period);
		expect(months.map((row) => [row.registrations, row.registered, row.activeReporters])).toEqual([
			[0, 0, 0],
			[2, 2, 1],
			[0, 2, 0]
		]);
	});
});

describe('repair costs and materials', () => {
	it('sum the repairs completed in the period by category and office, for staff', async () => {
		const costs = await insights.repairCosts(staff, filter());
		expect(costs).toEqual([
			{ dimension: 'category', key: ROAD, repairs: 2, cost: 20000, crewHours: 4 },
			{ dimension: 'office', key: OFFICE, repairs: 2, cost: 20000, crewHours: 4 }
		]);
		expect(await insights.materials(organiser, filter())).toEqual([
			{
				categoryCode: ROAD,
				officeCode: OFFICE,
				item: 'アスファルト合材',
				unit: '袋',
				quantity: 5,
				repairs: 2
			},
			{
				categoryCode: ROAD,
				officeCode: OFFICE,
				item: 'コーン',
				unit: '個',
				quantity: 1,
				repairs: 1
			}
		]);
	});

	it('are refused to citizens and visitors', async () => {
		await expect(insights.repairCosts(citizen, filter())).rejects.toEqual(
			new DomainError('not_allowed')
		);
		await expect(insights.materials(citizen, filter())).rejects.toEqual(
			new DomainError('not_allowed')
		);
		await expect(insights.repairCosts(null as unknown as Actor, filter())).rejects.toEqual(
			new DomainError('not_allowed')
		);
	});
});
