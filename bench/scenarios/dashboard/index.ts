import { join } from 'node:path';
import type { Figure } from '../../lib/figures';
import { runProbe } from '../../lib/processes';
import type { BenchContext, Scenario } from '../../lib/scenario';

const PROBE = 'bench/scenarios/dashboard/probe.ts';

interface DashboardReport {
	loadMs: number | null;
	reports: number;
	inYear: number;
	runs: number;
	publicMs: number;
	staffMs: number;
	allYearsMs: number;
	filteredMs: number;
	sequentialMs: number;
	noIndexMs: number;
	each: Record<string, number>;
}

function runOn(context: BenchContext) {
	const database =
		context.database === 'postgres'
			? { DATABASE_URL: context.databaseUrl ?? undefined, PGLITE_DIR: undefined }
			: { DATABASE_URL: undefined, PGLITE_DIR: join(context.tempDir('pglite'), 'db') };
	return runProbe<DashboardReport>(join(context.root, PROBE), {
		cwd: context.root,
		env: {
			...database,
			MACHI_ROOT: context.root,
			DEMO_DATA: 'off',
			BENCH_REPORTS: String(context.scale)
		},
		timeoutMs: 120 * 60_000
	});
}

/**
 * The dashboard (/insights and /staff/insights) at `--scale` reports (default 1,000,000): the
 * viewport scenario's reports with reporters, channels, offices, times to fix and repair
 * records added. Times the pages' queries for the last twelve months, all years and one ward
 * and category, each SQL function alone, and the public functions in one transaction with and
 * without index scans. With --db postgres, BENCH_DATABASE_URL is an empty migrated database,
 * or one a previous run filled with at least as many reports (the load is then skipped).
 */
export const dashboard: Scenario = {
	name: 'dashboard',
	summary:
		'dashboard figures (reports, backlog, time to fix, reporters, repairs) aggregated in SQL',
	databases: ['pglite', 'postgres'],
	scaled: true,

	async run(context) {
		context.log(`dashboard: ${context.scale} reports with reporters and repairs`);
		const result = await runOn(context);
		const note = `${result.reports} reports, ${result.inYear} in the last 12 months, median of ${result.runs}`;

		const figures: Figure[] = [];
		if (result.loadMs !== null) {
			figures.push({ figure: 'dashboard.load', value: result.loadMs / 1000, unit: 's' });
		}
		const plain = { figure: 'dashboard.public.no_index', value: result.noIndexMs };
		figures.push(
			{
				figure: 'dashboard.public',
				value: result.publicMs,
				unit: 'ms',
				note: `12 months, ${note}`
			},
			{
				figure: 'dashboard.staff',
				value: result.staffMs,
				unit: 'ms',
				note: 'with repair costs and materials'
			},
			{
				figure: 'dashboard.public.all_years',
				value: result.allYearsMs,
				unit: 'ms',
				note: '97 months'
			},
			{
				figure: 'dashboard.public.filtered',
				value: result.filteredMs,
				unit: 'ms',
				note: 'one ward and category'
			},
			{ ...plain, unit: 'ms', note: 'the public functions in one transaction, index scans off' },
			{
				figure: 'dashboard.public.sequential',
				value: result.sequentialMs,
				unit: 'ms',
				baseline: plain,
				note: 'the same with indexes'
			}
		);
		for (const [name, ms] of Object.entries(result.each)) {
			figures.push({ figure: `dashboard.fn.${name}`, value: ms, unit: 'ms', note: '12 months' });
		}
		return figures;
	}
};
