import { actorOf } from '$lib/server/actor';
import * as events from '$lib/server/volunteer-events';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = actorOf(locals);
	return {
		events: await events.upcoming(actor),
		isOrganiser: actor?.roles.includes('organiser') ?? false
	};
};
