import { error, fail } from '@sveltejs/kit';
import { messageFor } from '$lib/errors';
import { m } from '$lib/paraglide/messages';
import { requireOrganiser } from '$lib/server/actor';
import * as campaigns from '$lib/server/campaigns';
import * as entries from '$lib/server/entries';
import { DomainError } from '$lib/server/errors';
import type { Actor } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireOrganiser(locals, url);
	const campaign = await campaigns.read(actor, params.id);
	if (!campaign) error(404, m.campaign_not_found());

	const queue = await entries.awaitingModeration(actor, campaign.id);

	return {
		campaign,
		queue: queue.map(({ id, photoId, nickname, comment, createdAt }) => ({
			id,
			photoId,
			nickname,
			comment,
			createdAt
		})),
		confirmClose: url.searchParams.has('confirm'),
		created: url.searchParams.has('created')
	};
};

/** Runs a domain call, turning its refusal into a translated message for the page. */
async function attempt(work: () => Promise<void>, entryId: string | null = null) {
	try {
		await work();
		return null;
	} catch (failure) {
		if (failure instanceof DomainError) {
			return fail(400, { error: messageFor(failure.code), entryId });
		}
		throw failure;
	}
}

async function decide(actor: Actor, request: Request, decision: 'approved' | 'rejected') {
	const entryId = String((await request.formData()).get('entryId') ?? '');
	if (!campaigns.isUuid(entryId)) return fail(400, { error: messageFor('not_found'), entryId });

	return (
		(await attempt(() => entries.moderate(actor, entryId, decision), entryId)) ?? {
			done: decision,
			entryId
		}
	);
}

export const actions: Actions = {
	approve: ({ locals, url, request }) => decide(requireOrganiser(locals, url), request, 'approved'),
	reject: ({ locals, url, request }) => decide(requireOrganiser(locals, url), request, 'rejected'),
	publish: async ({ locals, url, params }) => {
		const actor = requireOrganiser(locals, url);
		if (!campaigns.isUuid(params.id)) error(404, m.campaign_not_found());
		return (await attempt(() => campaigns.publish(actor, params.id))) ?? { done: 'published' };
	},
	close: async ({ locals, url, params }) => {
		const actor = requireOrganiser(locals, url);
		if (!campaigns.isUuid(params.id)) error(404, m.campaign_not_found());
		return (await attempt(() => campaigns.close(actor, params.id))) ?? { done: 'closed' };
	}
};
