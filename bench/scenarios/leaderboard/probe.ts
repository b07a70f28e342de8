// Loads a campaign of generated participants and ledger lines into a fresh database, then times
// top 20 + own rank through the app's code (scoring.board, as the campaign page calls it)
// against the naive sum over the ledger, in this process. Run by the leaderboard scenario with
// DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded) set, and BENCH_PARTICIPANTS/BENCH_EVENTS.
import { report } from '../../lib/report';
import { median } from '../../lib/stats';
import { loadCampaign } from './load';

const participants = Number(process.env.BENCH_PARTICIPANTS);
const events = Number(process.env.BENCH_EVENTS);
const FAST_RUNS = 21;
const NAIVE_RUNS = 5;

const { asSystem, asUser, db } = await import('../../../src/lib/server/db/index');
const scoring = await import('../../../src/lib/server/scoring');
const { sql } = await db();

const loadStarted = performance.now();
const loaded = await loadCampaign(sql, participants, events);
const loadMs = performance.now() - loadStarted;
const viewer = { id: loaded.viewerId, roles: ['citizen'] };

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	return median(times);
}

const board = () => scoring.board(viewer, { kind: 'campaign', campaignId: loaded.campaignId });
const fast = await board();
if (fast.mine?.rank !== loaded.viewerRank || fast.top.length !== 20) {
	throw new Error(`the board disagrees: rank ${fast.mine?.rank} for ${loaded.viewerRank}`);
}

/** What the leaderboard did before the totals: sum the ledger per request, as the same user. */
const naive = () =>
	asUser(
		viewer,
		(tx) => tx`
		select user_id, nickname, points, rank from (
			select s.*, row_number() over (order by s.rank, s.nickname) as position
			from (
				select e.user_id, p.nickname, sum(e.points) as points,
					rank() over (order by sum(e.points) desc, max(e.created_at)) as rank
				from public.point_events e join public.profiles p on p.id = e.user_id
				where e.campaign_id = ${loaded.campaignId}
				group by e.user_id, p.nickname having sum(e.points) > 0) s) ranked
		where position <= 20 or user_id = ${viewer.id}`
	);

const fastMs = await timed(FAST_RUNS, board);
const naiveMs = await timed(NAIVE_RUNS, naive);
const [{ badges }] = await asSystem(
	'bench-check',
	(tx) => tx<{ badges: number }[]>`
	select count(*)::int as badges from public.badge_awards where badge_code = 'first_entry'`
);

report({
	loadMs,
	fastMs,
	naiveMs,
	viewerRank: loaded.viewerRank,
	badges,
	fastRuns: FAST_RUNS,
	naiveRuns: NAIVE_RUNS
});
await sql.end({ timeout: 5 });
process.exit(0);
