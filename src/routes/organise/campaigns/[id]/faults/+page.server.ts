import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireOrganiser } from '$lib/server/actor';
import * as campaigns from '$lib/server/campaigns';
import * as checks from '$lib/server/checks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireOrganiser(locals, url);
	const campaign = await campaigns.read(actor, params.id);
	if (!campaign || campaign.kind !== 'asset_check') error(404, m.campaign_not_found());

	return {
		campaign: { id: campaign.id, title: campaign.title },
		faults: await checks.faultsForStaff(actor, campaign.id)
	};
};
