import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from '$lib/server/actor';
import type { PageServerLoad } from './$types';

/** The administrators' pages in one place, so that the header carries one link for them. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);
	if (!actor.roles.includes('admin')) error(403, m.admin_forbidden());
	return {};
};
