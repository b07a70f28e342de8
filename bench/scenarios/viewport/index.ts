import { join } from 'node:path';
import type { Figure } from '../../lib/figures';
import { runProbe } from '../../lib/processes';
import type { BenchContext, Scenario } from '../../lib/scenario';

const PROBE = 'bench/scenarios/viewport/probe.ts';

interface ViewportReport {
	loadMs: number;
	count: number;
	views: {
		name: string;
		zoom: number;
		features: number;
		reports: number;
		clustered: boolean;
		indexedMs: number;
		plainMs: number;
		liveMs: number | null;
		runs: number;
	}[];
}

function runOn(context: BenchContext, count: number) {
	const database =
		context.database === 'postgres'
			? { DATABASE_URL: context.databaseUrl ?? undefined, PGLITE_DIR: undefined }
			: { DATABASE_URL: undefined, PGLITE_DIR: join(context.tempDir('pglite'), 'db') };
	return runProbe<ViewportReport>(join(context.root, PROBE), {
		cwd: context.root,
		env: { ...database, MACHI_ROOT: context.root, DEMO_DATA: 'off', BENCH_REPORTS: String(count) },
		timeoutMs: 90 * 60_000
	});
}

/**
 * The public map's viewport query (reports grouped into grid cells, or one by one when few) at
 * city zoom and at street zoom, against the same query with index scans off, on the same data
 * in the same run; at city zoom, where the map reads the counts kept per cell, also against
 * grouping the reports themselves. `--scale` is the number of reports (default 1,000,000), spread over the six
 * wards. Needs an empty database: a new embedded one, or with --db postgres an empty
 * BENCH_DATABASE_URL.
 */
export const viewport: Scenario = {
	name: 'viewport',
	summary: 'report map viewport (city and street zoom): spatial index vs none, same query',
	databases: ['pglite', 'postgres'],
	scaled: true,

	async run(context) {
		context.log(`viewport: loading ${context.scale} reports over the six wards`);
		const result = await runOn(context, context.scale);

		const figures: Figure[] = [
			{
				figure: 'viewport.load',
				value: result.loadMs / 1000,
				unit: 's',
				note: `${result.count} reports, set-based inserts (ST_GeneratePoints per ward)`
			}
		];
		for (const view of result.views) {
			const shape = `zoom ${view.zoom}, ${view.reports} reports as ${view.features} ${view.clustered ? 'cells' : 'points'}`;
			const plain = { figure: `viewport.${view.name}.no_index`, value: view.plainMs };
			const live =
				view.liveMs === null
					? null
					: { figure: `viewport.${view.name}.from_reports`, value: view.liveMs };
			figures.push({ ...plain, unit: 'ms', note: `index scans off, median of ${view.runs}` });
			if (live) {
				figures.push({
					...live,
					unit: 'ms',
					note: `grouped from the reports themselves (spatial index on), median of ${view.runs}`
				});
			}
			figures.push({
				figure: `viewport.${view.name}`,
				value: view.indexedMs,
				unit: 'ms',
				// Grouped views answer from the kept counts: their worth is against grouping the
				// reports; single reports are the spatial index's work.
				baseline: live ?? plain,
				note: `${shape}${live ? ', from the kept cell counts' : ''}, median of ${view.runs}`
			});
		}
		return figures;
	}
};
