import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from '$lib/server/actor';
import type { Actor } from '$lib/server/db';

/**
 * A staff member or organiser: both read the staff dashboard. Visitors are sent to sign in,
 * anyone else gets 403; the database checks the roles again (insights_repair_costs and
 * insights_materials refuse anyone else).
 */
export function requireInsightsReader(locals: App.Locals, url: URL): Actor {
	const actor = actorOf(locals) ?? signInFirst(url);
	if (!actor.roles.includes('staff') && !actor.roles.includes('organiser')) {
		error(403, m.insights_forbidden());
	}
	return actor;
}
