import { join } from 'node:path';
import { runProbe } from '../../lib/processes';
import type { Scenario } from '../../lib/scenario';

const PROBE = 'bench/scenarios/import/probe.ts';
const FILE = 'streetlights/bristol_streetlights_lonlat_saferoute.csv';

interface ImportReport {
	firstMs: number;
	againMs: number;
	bareMs: number;
	read: number;
	inserted: number;
	skipped: number;
	unchanged: number;
}

/**
 * Importing the 49,451 Bristol streetlights (boundary check off) through the app's code path,
 * upload to report, into a fresh database: the first import against a bare set-based insert
 * of the same points, and the same file again (every row unchanged). Budget: 20 s embedded.
 */
export const importScenario: Scenario = {
	name: 'import',
	summary: 'asset inventory import of the 49,451 Bristol streetlights, upload to report',
	databases: ['pglite', 'postgres'],
	scaled: false,

	async run(context) {
		const database =
			context.database === 'postgres'
				? { DATABASE_URL: context.databaseUrl ?? undefined, PGLITE_DIR: undefined }
				: { DATABASE_URL: undefined, PGLITE_DIR: join(context.tempDir('pglite'), 'db') };
		const result = await runProbe<ImportReport>(join(context.root, PROBE), {
			cwd: context.root,
			env: {
				...database,
				MACHI_ROOT: context.root,
				DEMO_DATA: 'off',
				BENCH_FILE: join(context.realDataDir, FILE)
			},
			timeoutMs: 20 * 60_000
		});

		const bare = { figure: 'import.bare_insert', value: result.bareMs / 1000 };
		const rows = `${result.read} rows: ${result.inserted} imported, ${result.skipped} skipped`;
		return [
			{ ...bare, unit: 's', note: 'the same points in one insert, no parsing or checks' },
			{
				figure: 'import.bristol',
				value: result.firstMs / 1000,
				unit: 's',
				baseline: bare,
				budget: context.database === 'pglite' ? { max: 20 } : undefined,
				note: rows
			},
			{
				figure: 'import.bristol_again',
				value: result.againMs / 1000,
				unit: 's',
				note: `${result.unchanged} unchanged`
			}
		];
	}
};
