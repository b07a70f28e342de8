import type { Sql } from 'postgres';

/** Lines per INSERT: set-based, but each statement's transition table stays a manageable size. */
const BATCH = 100_000;

export interface Loaded {
	campaignId: string;
	/** A participant in the middle of the standings: their own rank is the costly part. */
	viewerId: string;
	viewerRank: number;
}

/**
 * One open campaign with `participants` people and `events` ledger lines among them, written
 * with generate_series in a few large statements, as another feature's bulk writes would be:
 * the ledger's statement trigger keeps the totals and awards the entry badges on the way.
 */
export async function loadCampaign(
	sql: Sql,
	participants: number,
	events: number
): Promise<Loaded> {
	const [{ campaignId }] = await sql<{ campaignId: string }[]>`
		insert into public.campaigns (title, starts_at, ends_at, published_at)
		values ('Leaderboard benchmark', now() - interval '30 days', now() + interval '30 days', now())
		returning id as "campaignId"`;

	await sql`
		insert into auth.users (id, email)
		select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bench' || i || '@example.jp'
		from generate_series(1, ${participants}) i`;
	await sql`
		insert into public.profiles (id, nickname, home_ward_code, terms_version)
		select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bench-' || i,
			'1210' || (1 + i % 6), 'bench'
		from generate_series(1, ${participants}) i`;

	for (let first = 1; first <= events; first += BATCH) {
		const last = Math.min(events, first + BATCH - 1);
		// Person, points and time from a hash of the line number: repeatable, and spread so that
		// ties on points are common and broken by the time the score was reached.
		await sql`
			insert into public.point_events (user_id, campaign_id, points, reason, created_at)
			select ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (n::bigint * 7919) % ${participants}), 12, '0'))::uuid,
				${campaignId}, 1 + abs(hashint4(n)) % 20, 'entry_approved',
				now() - make_interval(secs => abs(hashint4(n + 1)) % (20 * 86400))
			from generate_series(${first}::int, ${last}::int) n`;
	}
	await sql`analyze`;

	const [viewer] = await sql<{ viewerId: string; viewerRank: number }[]>`
		select user_id as "viewerId", position::int as "viewerRank" from (
			select user_id, row_number() over (order by points desc, reached_at) as position
			from public.campaign_totals where campaign_id = ${campaignId} and points > 0) ranked
		where position = greatest(1, ${Math.floor(participants / 2)})`;
	return { campaignId, ...viewer };
}
