import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { proposalRefusal } from '$lib/proposal-labels';
import { declineSchema } from '$lib/schemas/proposal';
import { requireOrganiser } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import { DomainError } from '$lib/server/errors';
import * as proposals from '$lib/server/proposals';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireOrganiser(locals, url);
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);

	const [list, wards, layers] = await Promise.all([
		proposals.list(actor, {
			status: 'open',
			sort: 'votes',
			page: Number.isSafeInteger(requested) ? requested : 1,
			pageSize: PAGE_SIZE
		}),
		areas.listWards(actor),
		proposals.layers(actor)
	]);

	const ja = getLocale() === 'ja';
	const names = new Map(wards.map((w) => [w.code, ja ? w.nameJa : w.nameEn]));
	return {
		...list,
		layers: layers.map((l) => ({ id: l.id, name: ja ? l.nameJa : l.nameEn })),
		proposals: list.proposals.map((p) => ({
			id: p.id,
			title: p.title,
			description: p.description,
			kind: p.kind,
			authorNickname: p.authorNickname,
			startsOn: p.startsOn,
			endsOn: p.endsOn,
			voteCount: p.voteCount,
			createdAt: p.createdAt,
			wardNames: p.wardCodes.map((code) => names.get(code) ?? code)
		}))
	};
};

function refused(failure: unknown, action: 'accept' | 'decline', proposalId: string, reason = '') {
	if (failure instanceof DomainError) {
		return fail(400, { action, proposalId, reason, error: proposalRefusal(failure.code) });
	}
	throw failure;
}

export const actions: Actions = {
	accept: async ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		const data = await request.formData();
		const proposalId = String(data.get('proposalId') ?? '');
		const layer = Number.parseInt(String(data.get('layerId') ?? ''), 10);

		let campaignId: string;
		try {
			campaignId = await proposals.accept(
				actor,
				proposalId,
				Number.isSafeInteger(layer) ? layer : null
			);
		} catch (failure) {
			return refused(failure, 'accept', proposalId);
		}

		redirect(303, `${localizeHref(`/organise/campaigns/${campaignId}`)}?created=1`);
	},

	decline: async ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		const data = await request.formData();
		const proposalId = String(data.get('proposalId') ?? '');
		const reason = String(data.get('reason') ?? '');
		const checked = declineSchema.safeParse({ reason });
		if (!checked.success) {
			return fail(400, {
				action: 'decline',
				proposalId,
				reason,
				error: m.proposal_error_reason_required()
			});
		}

		const proposal = await proposals.read(actor, proposalId);
		try {
			await proposals.decline(actor, proposalId, checked.data.reason);
		} catch (failure) {
			return refused(failure, 'decline', proposalId, reason);
		}

		return { declined: proposal?.title ?? '' };
	}
};
