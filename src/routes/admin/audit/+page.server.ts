import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as audit from '$lib/server/audit';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** The audit log, newest first. Visitors sign in first; anyone but an admin gets 403. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);
	// Row-level security would show a non-admin an empty log; a clear refusal is kinder.
	if (!actor.roles.includes('admin')) error(403, m.audit_forbidden());

	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const log = await audit.list(actor, Number.isSafeInteger(requested) ? requested : 1, PAGE_SIZE);

	return {
		log: {
			...log,
			lines: log.lines.map((line) => ({
				...line,
				summary: summarise(line.details)
			}))
		}
	};
};

/** The details as `key: value` pairs, leaving out ids, which the target column already shows. */
function summarise(details: Record<string, unknown>): string {
	return Object.entries(details)
		.filter(([key, value]) => value !== null && key !== 'id' && !key.endsWith('_id'))
		.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
		.join(' · ');
}
