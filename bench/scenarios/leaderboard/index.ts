import { join } from 'node:path';
import { runProbe } from '../../lib/processes';
import type { BenchContext, Scenario } from '../../lib/scenario';

const PROBE = 'bench/scenarios/leaderboard/probe.ts';
/** Ledger lines per participant: 1,000,000 lines make 100,000 participants. */
const LINES_PER_PERSON = 10;

interface LeaderboardReport {
	loadMs: number;
	fastMs: number;
	naiveMs: number;
	viewerRank: number;
	badges: number;
	fastRuns: number;
	naiveRuns: number;
}

function runOn(context: BenchContext, participants: number, events: number) {
	const database =
		context.database === 'postgres'
			? { DATABASE_URL: context.databaseUrl ?? undefined, PGLITE_DIR: undefined }
			: { DATABASE_URL: undefined, PGLITE_DIR: join(context.tempDir('pglite'), 'db') };
	return runProbe<LeaderboardReport>(join(context.root, PROBE), {
		cwd: context.root,
		env: {
			...database,
			MACHI_ROOT: context.root,
			DEMO_DATA: 'off',
			BENCH_PARTICIPANTS: String(participants),
			BENCH_EVENTS: String(events)
		},
		timeoutMs: 60 * 60_000
	});
}

/**
 * A campaign's leaderboard, top 20 plus the viewer's own rank, for a viewer in the middle of
 * the standings: through scoring.board (the totals the ledger's trigger keeps) against the
 * naive sum over the ledger, on the same data in the same run. `--scale` is the number of
 * ledger lines (default 1,000,000), with one participant per ten lines. Needs an empty
 * database: a new embedded one, or with --db postgres an empty BENCH_DATABASE_URL.
 */
export const leaderboard: Scenario = {
	name: 'leaderboard',
	summary: 'campaign leaderboard top 20 + own rank: incremental totals vs summing the ledger',
	databases: ['pglite', 'postgres'],
	scaled: true,

	async run(context) {
		const events = context.scale;
		const participants = Math.max(21, Math.floor(events / LINES_PER_PERSON));
		context.log(`leaderboard: loading ${participants} participants, ${events} ledger lines`);
		const result = await runOn(context, participants, events);

		const size = `${participants} participants, ${events} lines`;
		const naive = { figure: 'leaderboard.naive', value: result.naiveMs };
		return [
			{
				figure: 'leaderboard.load',
				value: result.loadMs / 1000,
				unit: 's',
				note: `${size}, set-based inserts through the ledger's trigger`
			},
			{ ...naive, unit: 'ms', note: `sum over the ledger, median of ${result.naiveRuns}` },
			{
				figure: 'leaderboard.totals',
				value: result.fastMs,
				unit: 'ms',
				baseline: naive,
				note: `scoring.board, own rank ${result.viewerRank}, median of ${result.fastRuns}`
			}
		];
	}
};
