import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Readiness: answers once the database is open and migrated (load balancers, the e2e tests). */
export const GET: RequestHandler = async () => {
	const { kind, migrations } = await db();
	return json(
		{ status: 'ok', database: kind, migrations },
		{
			headers: { 'cache-control': 'no-store' }
		}
	);
};
