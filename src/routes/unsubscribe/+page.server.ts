import { fail } from '@sveltejs/kit';
import { kindLabel } from '$lib/notification-kinds';
import { getLocale } from '$lib/paraglide/runtime';
import { readBody } from '$lib/server/photo-field';
import * as emailChoices from '$lib/server/mail/preferences';
import { tokenSecret, verifyToken } from '$lib/server/mail/tokens';
import type { Actions, PageServerLoad } from './$types';

/**
 * The unsubscribe link of an email: opening it stops that kind of email at once, no sign-in
 * needed (the signed token names the person and the kind), and offers to undo it.
 */
export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const token = url.searchParams.get('token') ?? '';
	const subject = verifyToken(await tokenSecret(), token);
	if (!subject) return { valid: false as const };

	await emailChoices.unsubscribe(subject);
	return { valid: true as const, token, kind: kindLabel(subject.kind, getLocale()) };
};

export const actions: Actions = {
	resubscribe: async ({ request }) => {
		const body = await readBody(request);
		const subject = verifyToken(await tokenSecret(), body?.get('token'));
		if (!subject) return fail(400, { invalid: true });

		await emailChoices.resubscribe(subject);
		return { resubscribed: kindLabel(subject.kind, getLocale()) };
	}
};
