import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from './actor';
import type { Actor } from './db';

/**
 * The staff member making this request. Visitors are sent to sign in first; signed-in people
 * without the role get 403. The database checks the role again on every read and write.
 */
export function requireStaff(locals: App.Locals, url: URL): Actor {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);
	if (!actor.roles.includes('staff')) error(403, m.staff_forbidden());
	return actor;
}
