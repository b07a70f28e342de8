import * as campaigns from '$lib/server/campaigns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = locals.user ? { id: locals.user.id, roles: locals.user.roles } : null;

	const all = await campaigns.list(actor);

	return {
		open: all.filter((campaign) => campaign.phase === 'open'),
		upcoming: all.filter((campaign) => campaign.phase === 'scheduled')
	};
};
