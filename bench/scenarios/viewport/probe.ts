// Loads generated reports into a fresh database, then times the map's viewport query (the app's
// own report-map.viewportRows, as the visitor role) at city and at street zoom, against the same
// query with index scans turned off in the same transaction: the spatial index's worth. Run by
// the viewport scenario with DATABASE_URL or PGLITE_DIR set, and BENCH_REPORTS.
import { report } from '../../lib/report';
import { median } from '../../lib/stats';
import { loadReports } from './load';

const count = Number(process.env.BENCH_REPORTS);

const { asSystem, asUser, db } = await import('../../../src/lib/server/db/index');
const { seedPlaces } = await import('../../../src/lib/server/db/seed');
const { groupedReports, viewportRows } = await import('../../../src/lib/server/report-map');
const { sql } = await db();

await asSystem('bench-places', async (tx) => {
	const [{ seeded }] = await tx<{ seeded: boolean }[]>`
		select exists (select 1 from public.areas where kind = 'ward') as seeded`;
	if (!seeded) await seedPlaces(tx);
});
const loadStarted = performance.now();
await loadReports(sql, count);
const loadMs = performance.now() - loadStarted;

type BBox = [number, number, number, number];
/** The whole city at zoom 11, and a few streets of 中央区 around the city hall at zoom 17. */
const VIEWS: { name: string; bbox: BBox; zoom: number; runs: number }[] = [
	{ name: 'city', bbox: [139.99, 35.48, 140.32, 35.72], zoom: 11, runs: 7 },
	{ name: 'street', bbox: [140.1206, 35.6052, 140.1261, 35.6096], zoom: 17, runs: 21 }
];

async function query(view: (typeof VIEWS)[number], withIndex: boolean) {
	return asUser(null, async (tx) => {
		// The driver prepares each statement, and PostgreSQL keeps a prepared statement's plan
		// whatever the planner settings say later: each run plans afresh, with or without.
		await tx`discard plans`;
		if (!withIndex) {
			await tx`set local enable_indexscan = off`;
			await tx`set local enable_bitmapscan = off`;
			await tx`set local enable_indexonlyscan = off`;
		}
		return viewportRows(tx, {}, view.bbox, view.zoom);
	});
}

/** The city view grouped from the reports themselves, as the map did before it kept counts. */
async function live(view: (typeof VIEWS)[number]) {
	return asUser(null, (tx) => groupedReports(tx, {}, view.bbox, view.zoom));
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
	await work();
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	return median(times);
}

const results = [];
for (const view of VIEWS) {
	const rows = await query(view, true);
	const plain = await query(view, false);
	if (rows.length !== plain.length) throw new Error(`${view.name}: the two queries disagree`);
	const reports = rows.reduce((sum, row) => sum + row.count, 0);
	results.push({
		name: view.name,
		zoom: view.zoom,
		features: rows.length,
		reports,
		clustered: rows.some((row) => row.number === null),
		indexedMs: await timed(view.runs, () => query(view, true)),
		plainMs: await timed(view.runs, () => query(view, false)),
		// Only where the map answers from its kept counts is there a live grouping to compare.
		liveMs: rows.some((row) => row.number === null)
			? await timed(view.runs, () => live(view))
			: null,
		runs: view.runs
	});
}

report({ loadMs, count, views: results });
await sql.end({ timeout: 5 });
process.exit(0);
