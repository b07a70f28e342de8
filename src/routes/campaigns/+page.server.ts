import * as campaigns from '$lib/server/campaigns';
import type { CampaignPhase } from '$lib/server/campaigns';
import type { PageServerLoad } from './$types';

/** The order residents care about: what they can join now, what is coming, what is done. */
const PHASES: CampaignPhase[] = ['open', 'scheduled', 'closed', 'final', 'draft'];

export const load: PageServerLoad = async ({ locals }) => {
	const actor = locals.user ? { id: locals.user.id, roles: locals.user.roles } : null;

	const all = await campaigns.list(actor);

	const groups = PHASES.map((phase) => ({
		phase,
		campaigns: all.filter((campaign) => campaign.phase === phase)
	})).filter((group) => group.campaigns.length > 0);
	return { groups };
};
