import { join } from 'node:path';
import { runProbe } from '../../lib/processes';
import type { Scenario } from '../../lib/scenario';

const PROBE = 'bench/scenarios/claims/probe.ts';

interface Round {
	claims: number;
	won: number;
	otherRefusals: number;
	p50: number;
	p95: number;
	wallMs: number;
}

interface ClaimsReport {
	one: Round & { holders: number };
	many: Round & { fixes: number; fixesWithOneHolder: number; fixesWithMore: number };
}

/**
 * Volunteer claims fired at once: 100 on one fix, then 1,000 spread over 100 fixes, one
 * volunteer each, through fixes.claim. The database must leave exactly one holder per fix; the
 * figures are those holders and the latency of each claim (p50, p95) under that contention.
 */
export const claims: Scenario = {
	name: 'claims',
	summary: 'volunteer claims at once: 100 on one fix, 1,000 over 100 fixes; winners and p95',
	databases: ['pglite', 'postgres'],
	scaled: false,

	async run(context) {
		const database =
			context.database === 'postgres'
				? { DATABASE_URL: context.databaseUrl ?? undefined, PGLITE_DIR: undefined }
				: { DATABASE_URL: undefined, PGLITE_DIR: join(context.tempDir('pglite'), 'db') };
		context.log('claims: 100 volunteers on one fix, then 1,000 over 100 fixes');
		const result = await runProbe<ClaimsReport>(join(context.root, PROBE), {
			cwd: context.root,
			env: {
				...database,
				MACHI_ROOT: context.root,
				DEMO_DATA: 'off',
				DATABASE_POOL_SIZE: '20',
				BENCH_CROWD: '100',
				BENCH_SPREAD: '1000',
				BENCH_FIXES: '100'
			},
			timeoutMs: 20 * 60_000
		});

		const { one, many } = result;
		if (one.holders !== 1 || many.fixesWithMore > 0 || many.fixesWithOneHolder !== many.fixes) {
			throw new Error(`claims: a fix has more or fewer than one holder: ${JSON.stringify(result)}`);
		}
		return [
			{
				figure: 'claims.one_fix.p95',
				value: one.p95,
				unit: 'ms',
				note: `${one.claims} claims at once: ${one.won} won, ${one.holders} holder, p50 ${one.p50.toFixed(1)} ms, all in ${one.wallMs.toFixed(0)} ms`
			},
			{
				figure: 'claims.spread.p95',
				value: many.p95,
				unit: 'ms',
				note: `${many.claims} claims over ${many.fixes} fixes: ${many.won} won, ${many.fixesWithOneHolder} fixes with exactly one holder, p50 ${many.p50.toFixed(1)} ms, all in ${many.wallMs.toFixed(0)} ms`
			}
		];
	}
};
