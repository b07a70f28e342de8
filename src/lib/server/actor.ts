import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actor } from './db';

/** The person the domain calls run for: the signed-in user, or null for a visitor. */
export function actorOf(locals: App.Locals): Actor | null {
	return locals.user ? { id: locals.user.id, roles: locals.user.roles } : null;
}

/** Sends a visitor to sign in, coming back to `url` afterwards (the page, not a form action). */
export function signInFirst(url: URL): never {
	const search = url.search.startsWith('?/') ? '' : url.search;
	const next = encodeURIComponent(url.pathname + search);
	redirect(303, `${localizeHref('/signin')}?next=${next}`);
}

/**
 * The organiser making this request. Visitors are sent to sign in first; signed-in people
 * without the role get 403. The database checks the role again on every write.
 */
export function requireOrganiser(locals: App.Locals, url: URL): Actor {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);
	if (!actor.roles.includes('organiser')) error(403, m.organise_forbidden());
	return actor;
}
