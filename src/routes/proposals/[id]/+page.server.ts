import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { actorOf } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import * as campaigns from '$lib/server/campaigns';
import * as proposals from '$lib/server/proposals';
import { voteAction } from '$lib/server/proposal-votes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = actorOf(locals);
	const [proposal, wards] = await Promise.all([
		proposals.read(actor, params.id),
		areas.listWards(actor)
	]);
	if (!proposal) error(404, m.proposal_not_found());

	// A draft campaign is visible to organisers only: link to it only for those who can open it.
	const campaign = proposal.campaignId ? await campaigns.read(actor, proposal.campaignId) : null;
	const { authorId, ...shown } = proposal;
	const ja = getLocale() === 'ja';
	return {
		proposal: { ...shown, isMine: authorId === actor?.id },
		wardNames: wards
			.filter((w) => proposal.wardCodes.includes(w.code))
			.map((w) => (ja ? w.nameJa : w.nameEn)),
		campaignVisible: campaign !== null,
		created: url.searchParams.has('created')
	};
};

export const actions: Actions = {
	vote: voteAction('vote'),
	unvote: voteAction('unvote')
};
