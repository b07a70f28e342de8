import { fail, redirect } from '@sveltejs/kit';
import { localHref } from '$lib/links';
import { isNotificationKind, kindLabel } from '$lib/notification-kinds';
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
	// After "get these emails again": a page of its own, safe to reload (it changes nothing).
	const again = url.searchParams.get('again');
	if (!url.searchParams.has('token') && isNotificationKind(again)) {
		return { valid: false as const, resubscribed: kindLabel(again, getLocale()) };
	}
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
		redirect(303, `${localHref('/unsubscribe')}?again=${subject.kind}`);
	}
};
