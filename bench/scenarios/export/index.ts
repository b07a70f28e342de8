import { join } from 'node:path';
import type { Figure } from '../../lib/figures';
import { runProbe } from '../../lib/processes';
import type { BenchContext, Scenario } from '../../lib/scenario';

const PROBE = 'bench/scenarios/export/probe.ts';

interface ExportReport {
	loadMs: number;
	total: number;
	runs: {
		name: string;
		rows: number;
		bytes: number;
		ms: number;
		rowsPerSecond: number;
		cpuMs: number;
		rssBeforeMb: number;
		rssPeakMb: number;
		heapPeakMb: number;
	}[];
}

function runOn(context: BenchContext, count: number) {
	const database =
		context.database === 'postgres'
			? { DATABASE_URL: context.databaseUrl ?? undefined, PGLITE_DIR: undefined }
			: { DATABASE_URL: undefined, PGLITE_DIR: join(context.tempDir('pglite'), 'db') };
	return runProbe<ExportReport>(join(context.root, PROBE), {
		cwd: context.root,
		env: { ...database, MACHI_ROOT: context.root, DEMO_DATA: 'off', BENCH_REPORTS: String(count) },
		timeoutMs: 120 * 60_000
	});
}

/**
 * The open data export of every report as CSV (and GeoJSON), read as the app streams it, at
 * `--scale` reports (default 1,000,000, generated as for the viewport scenario): rows per
 * second and the peak memory of the process, against the database's own COPY of the table.
 * With --db postgres, BENCH_DATABASE_URL may already hold the reports (it is topped up).
 */
export const exportScenario: Scenario = {
	name: 'export',
	summary: 'open data CSV/GeoJSON export of every report: rows per second, peak memory',
	databases: ['pglite', 'postgres'],
	scaled: true,

	async run(context) {
		context.log(`export: ${context.scale} reports (loading what is missing)`);
		const result = await runOn(context, context.scale);

		const figures: Figure[] = [
			{
				figure: 'export.load',
				value: result.loadMs / 1000,
				unit: 's',
				note: `${result.total} reports in the database`
			}
		];
		const copy = result.runs.find((run) => run.name === 'copy');
		for (const run of result.runs) {
			const throughput = { figure: `export.${run.name}`, value: run.rowsPerSecond };
			figures.push(
				{
					...throughput,
					unit: 'rows/s',
					baseline:
						copy && run !== copy ? { figure: 'export.copy', value: copy.rowsPerSecond } : undefined,
					note: `${run.rows} rows, ${(run.bytes / 1e6).toFixed(0)} MB in ${(run.ms / 1000).toFixed(1)} s`
				},
				{
					figure: `export.${run.name}.per_cpu_second`,
					value: run.rows / (run.cpuMs / 1000),
					unit: 'rows/s',
					note: `rows per second of the exporting process's own CPU time (${(run.cpuMs / 1000).toFixed(1)} s)`
				},
				{
					figure: `export.${run.name}.peak_rss_delta`,
					value: run.rssPeakMb - run.rssBeforeMb,
					unit: 'MB',
					note: `RSS ${run.rssBeforeMb.toFixed(0)} → peak ${run.rssPeakMb.toFixed(0)} MB; heap peak ${run.heapPeakMb.toFixed(0)} MB`
				}
			);
		}
		return figures;
	}
};
