import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from '$lib/server/actor';
import { readBody } from '$lib/server/photo-field';
import * as notifications from '$lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);

	const asked = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isSafeInteger(asked) && asked >= 1 ? asked : 1;
	const found = await notifications.list(actor, page);
	return {
		...found,
		page,
		pages: Math.max(1, Math.ceil(found.total / notifications.PAGE_SIZE)),
		// The header's count follows this page's, which marking read may have just changed.
		unreadNotifications: found.unread
	};
};

export const actions: Actions = {
	read: async ({ locals, url, request }) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);
		const body = await readBody(request);
		const id = Number(body?.get('id'));
		if (!Number.isSafeInteger(id)) return fail(400, { error: m.report_page_error_unknown() });

		await notifications.markRead(actor, id);
		return { done: 'read' };
	},
	readAll: async ({ locals, url }) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);

		await notifications.markAllRead(actor);
		return { done: 'readAll' };
	}
};
