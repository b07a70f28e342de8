import { join } from 'node:path';
import { runProbe } from '../lib/processes';
import type { BenchContext, Scenario } from '../lib/scenario';
import { median } from '../lib/stats';

const PROBE = 'bench/scenarios/start-probe.ts';
// A first start takes most of a minute, so it runs once; warm starts are cheap enough to repeat.
const WARM_RUNS = 3;

interface StartReport {
	ms: number;
	migrations: number;
}

function openDatabase(
	{ root }: BenchContext,
	dirs: { pglite: string; photos: string }
): Promise<StartReport> {
	return runProbe<StartReport>(join(root, PROBE), {
		cwd: root,
		env: {
			MACHI_ROOT: root,
			PGLITE_DIR: dirs.pglite,
			PHOTO_DIR: dirs.photos,
			DATABASE_URL: undefined,
			DEMO_DATA: undefined
		},
		timeoutMs: 5 * 60_000
	});
}

/**
 * The embedded database's first start (create the cluster, PostGIS, every migration, the demo
 * data) in a new folder, then warm starts of the same folder, each in a new node process and
 * timed from importing the database module until `db()` resolves.
 */
export const start: Scenario = {
	name: 'start',
	summary: 'embedded database: first start (migrate + PostGIS + demo data) and warm start',
	databases: ['pglite'],
	scaled: false,

	async run(context) {
		const dirs = { pglite: context.tempDir('pglite'), photos: context.tempDir('photos') };

		context.log('start: first start in a new folder');
		const first = await openDatabase(context, dirs);
		const warm: number[] = [];
		for (let run = 1; run <= WARM_RUNS; run++) {
			context.log(`start: warm start ${run} of ${WARM_RUNS} of the same folder`);
			warm.push((await openDatabase(context, dirs)).ms);
		}

		const baseline = { figure: 'start.first', value: first.ms };
		const note = `median of ${WARM_RUNS}`;
		return [
			{ ...baseline, unit: 'ms', note: `${first.migrations} migrations, demo data, one run` },
			{ figure: 'start.warm', value: median(warm), unit: 'ms', baseline, note }
		];
	}
};
