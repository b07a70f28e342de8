import { fail } from '@sveltejs/kit';
import { messageFor } from '$lib/errors';
import { requireOrganiser } from '$lib/server/actor';
import * as campaigns from '$lib/server/campaigns';
import { DomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireOrganiser(locals, url);

	const all = await campaigns.list(actor);

	// The close step asks first: `?confirm=<id>` shows the question, a POST answers it.
	return { campaigns: all, confirm: url.searchParams.get('confirm') };
};

/** Runs one organiser action on the campaign named by the form's `id` field. */
async function act(
	request: Request,
	work: (id: string) => Promise<void>
): Promise<{ error: string; id: string } | null> {
	const id = String((await request.formData()).get('id') ?? '');
	if (!campaigns.isUuid(id)) return { error: messageFor('not_found'), id };

	try {
		await work(id);
		return null;
	} catch (failure) {
		if (failure instanceof DomainError) return { error: messageFor(failure.code), id };
		throw failure;
	}
}

export const actions: Actions = {
	publish: async ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		const refused = await act(request, (id) => campaigns.publish(actor, id));
		return refused ? fail(400, refused) : { done: 'published' as const };
	},
	close: async ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		const refused = await act(request, (id) => campaigns.close(actor, id));
		return refused ? fail(400, refused) : { done: 'closed' as const };
	}
};
