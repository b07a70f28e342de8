// Loads generated reports, reporters and repairs into a database (or reuses them when a previous
// run left at least as many), then times the dashboard through the app's own code
// (insights.readPublic and readStaff, as the pages call them) for the last twelve months, for
// all years, and filtered by ward and category; each SQL function alone; and the same functions
// one after another with index scans off, in the same run. Run by the dashboard scenario with
// DATABASE_URL or PGLITE_DIR set, and BENCH_REPORTS.
import { report } from '../../lib/report';
import { median } from '../../lib/stats';
import { loadDashboardData } from './load';

const count = Number(process.env.BENCH_REPORTS);
const RUNS = 11;

const { asSystem, asUser, db } = await import('../../../src/lib/server/db/index');
const { seedPlaces } = await import('../../../src/lib/server/db/seed');
const insights = await import('../../../src/lib/server/insights');
const { sql } = await db();

await asSystem('bench-places', async (tx) => {
	const [{ seeded }] = await tx<{ seeded: boolean }[]>`
		select exists (select 1 from public.areas where kind = 'ward') as seeded`;
	if (!seeded) await seedPlaces(tx);
});
const [{ present }] = await sql<
	{ present: number }[]
>`select count(*)::int as present from public.reports`;
let loadMs: number | null = null;
if (present < count) {
	if (present > 0) throw new Error(`the database holds ${present} reports: give an empty one`);
	const started = performance.now();
	await loadDashboardData(sql, count);
	loadMs = performance.now() - started;
}
const [{ reports }] = await sql<
	{ reports: number }[]
>`select count(*)::int as reports from public.reports`;

const staffId = '00000000-0000-4000-9000-ffffffffffff';
await asSystem('bench-staff', async (tx) => {
	await tx`insert into auth.users (id, email) values (${staffId}, 'bench-staff@example.test')
		on conflict do nothing`;
	await tx`insert into public.user_roles (user_id, role) values (${staffId}, 'staff')
		on conflict do nothing`;
});
const staff = { id: staffId, roles: ['staff'] };

const month = (offset: number) => {
	const now = new Date(Date.now() + 9 * 3600_000);
	const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
	return d.toISOString().slice(0, 7);
};
const year = { from: month(-11), to: month(0), ward: null, category: null };
const allYears = { ...year, from: month(-8 * 12) };
const filtered = { ...year, ward: '12101', category: 'road-damage' };

async function timed(work: () => Promise<unknown>): Promise<number> {
	await work();
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	return median(times);
}

/** The public page's functions one after another in one transaction, with or without indexes. */
function sequential(withIndex: boolean) {
	const d = (m: string) => `${m}-01`;
	return asUser(null, async (tx) => {
		await tx`discard plans`;
		if (!withIndex) {
			await tx`set local enable_indexscan = off`;
			await tx`set local enable_bitmapscan = off`;
			await tx`set local enable_indexonlyscan = off`;
		}
		const [from, to] = [d(year.from), d(year.to)];
		await tx`select count(*) from public.insights_reports(${from}, ${to}, null, null)`;
		await tx`select count(*) from public.insights_backlog(null, null)`;
		await tx`select count(*) from public.insights_time_to_fix(${from}, ${to}, null, null)`;
		await tx`select count(*) from public.insights_reporters(${from}, ${to}, null, null)`;
		await tx`select count(*) from public.insights_campaigns(${from}, ${to})`;
		await tx`select count(*) from public.insights_volunteering(${from}, ${to}, null)`;
		await tx`select * from public.volunteer_totals()`;
	});
}

const page = await insights.readPublic(null, year);
const inYear = page.reports
	.filter((row) => row.dimension === 'channel')
	.reduce((sum, row) => sum + row.reports, 0);

const functions: Record<string, () => Promise<unknown>> = {
	reports: () => insights.reportsByMonth(null, year),
	backlog: () => insights.backlog(null, year),
	time_to_fix: () => insights.timeToFix(null, year),
	reporters: () => insights.reporters(null, year),
	campaigns: () => insights.campaigns(null, year),
	volunteering: () => insights.volunteering(null, year),
	repair_costs: () => insights.repairCosts(staff, year),
	materials: () => insights.materials(staff, year)
};
const each: Record<string, number> = {};
for (const [name, work] of Object.entries(functions)) each[name] = await timed(work);

report({
	loadMs,
	reports,
	inYear,
	runs: RUNS,
	publicMs: await timed(() => insights.readPublic(null, year)),
	staffMs: await timed(() => insights.readStaff(staff, year)),
	allYearsMs: await timed(() => insights.readPublic(null, allYears)),
	filteredMs: await timed(() => insights.readPublic(null, filtered)),
	sequentialMs: await timed(() => sequential(true)),
	noIndexMs: await timed(() => sequential(false)),
	each
});
await sql.end({ timeout: 5 });
process.exit(0);
