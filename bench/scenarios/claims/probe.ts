// Fires volunteer claims at once through the app's code (fixes.claim, as the fix page calls
// it): BENCH_CROWD claims on one fix, then BENCH_SPREAD claims spread over BENCH_FIXES fixes,
// one volunteer each. Reports the winners per fix (the database must allow exactly one) and
// the latency of every claim, answered or refused. Run by the claims scenario with
// DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded) set.
import { report } from '../../lib/report';
import { median, percentile } from '../../lib/stats';

const crowd = Number(process.env.BENCH_CROWD);
const spread = Number(process.env.BENCH_SPREAD);
const fixCount = Number(process.env.BENCH_FIXES);

const { asSystem, db } = await import('../../../src/lib/server/db/index');
const { seedPlaces } = await import('../../../src/lib/server/db/seed');
const fixes = await import('../../../src/lib/server/fixes');
const { sql } = await db();

/** Volunteers made in one statement each table: accounts, profiles, roles, terms. */
async function makeVolunteers(count: number, tag: string): Promise<string[]> {
	return asSystem('bench-volunteers', async (tx) => {
		const rows = await tx<{ id: string }[]>`
			insert into auth.users (id, email, email_confirmed_at)
			select gen_random_uuid(), ${tag} || n || '@bench.example', now() from generate_series(1, ${count}) n
			returning id`;
		const ids = rows.map((r) => r.id);
		await tx`insert into public.profiles (id, nickname, home_ward_code, terms_version)
			select id, ${tag} || row_number() over (), '12101', 'bench' from unnest(${ids}::uuid[]) id`;
		await tx`insert into public.user_roles (user_id, role)
			select id, r::public.app_role from unnest(${ids}::uuid[]) id, unnest(array['citizen', 'volunteer']) r`;
		await tx`insert into public.volunteers (user_id, terms_version)
			select id, ${fixes.TERMS_VERSION} from unnest(${ids}::uuid[]) id`;
		return ids;
	});
}

async function makeFixes(organiser: string, count: number): Promise<string[]> {
	const made: string[] = [];
	for (let i = 0; i < count; i++) {
		made.push(
			await fixes.createFix(
				{ id: organiser, roles: ['organiser'] },
				{
					title: `Bench fix ${i}`,
					whatToDo: 'Pick up litter around the bench.',
					lon: 140.1233 + (i % 10) * 0.0005,
					lat: 35.6074 + Math.floor(i / 10) * 0.0005,
					address: '',
					difficulty: 'easy',
					tools: '',
					photoId: null,
					reportId: null,
					claimHours: 72,
					points: 30
				}
			)
		);
	}
	return made;
}

/** Every claim at once; the time each one took, and how many succeeded. */
async function fire(pairs: { volunteer: string; fix: string }[]) {
	const times: number[] = [];
	let won = 0;
	let refusedOther = 0;
	const started = performance.now();
	await Promise.all(
		pairs.map(async ({ volunteer, fix }) => {
			const begun = performance.now();
			try {
				await fixes.claim({ id: volunteer, roles: ['citizen', 'volunteer'] }, fix);
				won += 1;
			} catch (error) {
				if ((error as { code?: string }).code !== 'fix_taken') refusedOther += 1;
			}
			times.push(performance.now() - begun);
		})
	);
	return { wallMs: performance.now() - started, times, won, refusedOther };
}

async function holdersPerFix(ids: string[]): Promise<number[]> {
	const rows = await asSystem(
		'bench-holders',
		(tx) => tx<{ holders: number }[]>`
		select (select count(*)::int from public.fix_claims c where c.fix_id = f and c.state = 'active') as holders
		from unnest(${ids}::uuid[]) f`
	);
	return rows.map((r) => r.holders);
}

await asSystem('bench-places', async (tx) => {
	const [{ seeded }] = await tx<{ seeded: boolean }[]>`
		select exists (select 1 from public.areas where kind = 'ward') as seeded`;
	if (!seeded) await seedPlaces(tx);
});
const [organiser] = await makeVolunteers(1, 'org');
await asSystem(
	'bench-organiser',
	(tx) => tx`insert into public.user_roles (user_id, role) values (${organiser}, 'organiser')`
);

const [one] = await makeFixes(organiser, 1);
const crowdIds = await makeVolunteers(crowd, 'crowd');
const onOne = await fire(crowdIds.map((volunteer) => ({ volunteer, fix: one })));
const [oneHolders] = await holdersPerFix([one]);

const spreadFixes = await makeFixes(organiser, fixCount);
const spreadIds = await makeVolunteers(spread, 'spread');
const overMany = await fire(
	spreadIds.map((volunteer, i) => ({ volunteer, fix: spreadFixes[i % fixCount] }))
);
const manyHolders = await holdersPerFix(spreadFixes);

report({
	one: {
		claims: crowd,
		won: onOne.won,
		holders: oneHolders,
		otherRefusals: onOne.refusedOther,
		p50: median(onOne.times),
		p95: percentile(onOne.times, 95),
		wallMs: onOne.wallMs
	},
	many: {
		claims: spread,
		fixes: fixCount,
		won: overMany.won,
		fixesWithOneHolder: manyHolders.filter((h) => h === 1).length,
		fixesWithMore: manyHolders.filter((h) => h > 1).length,
		otherRefusals: overMany.refusedOther,
		p50: median(overMany.times),
		p95: percentile(overMany.times, 95),
		wallMs: overMany.wallMs
	}
});
await sql.end({ timeout: 5 });
process.exit(0);
