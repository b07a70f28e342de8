import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from '$lib/server/actor';
import type { Actor } from '$lib/server/db';

/**
 * An organiser or staff member: both create fixes and verify completions. Visitors are sent to
 * sign in, anyone else gets 403; the database checks the roles again.
 */
export function requireFixVerifier(locals: App.Locals, url: URL): Actor {
	const actor = actorOf(locals) ?? signInFirst(url);
	if (!actor.roles.includes('organiser') && !actor.roles.includes('staff')) {
		error(403, m.organise_forbidden());
	}
	return actor;
}
