import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** How long the database may take to answer `select 1` before the server counts as unwell. */
const DATABASE_TIMEOUT_MS = 5_000;

/**
 * Readiness: answers 200 once the database is open and migrated and answers a query now (load
 * balancers, the e2e tests), 503 when it does not answer within five seconds.
 */
export const GET: RequestHandler = async () => {
	const headers = { 'cache-control': 'no-store' };
	const { sql, kind, migrations } = await db();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const answered = await Promise.race([
		sql`select 1`.then(
			() => true,
			() => false
		),
		new Promise<false>((done) => (timer = setTimeout(() => done(false), DATABASE_TIMEOUT_MS)))
	]);
	clearTimeout(timer);
	if (!answered) {
		return json({ status: 'unavailable', database: kind }, { status: 503, headers });
	}
	return json({ status: 'ok', database: kind, migrations }, { headers });
};
