import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as emailChoices from '$lib/server/mail/preferences';
import { tokenSecret, verifyToken } from '$lib/server/mail/tokens';
import type { RequestHandler } from './$types';

/**
 * One-click unsubscribe (RFC 8058): the mail provider posts `List-Unsubscribe=One-Click` to the
 * URL of the List-Unsubscribe header. The token in the URL is the whole proof; the body is not
 * needed, and no session is read.
 */
export const POST: RequestHandler = async ({ url }) => {
	const subject = verifyToken(await tokenSecret(), url.searchParams.get('token'));
	if (!subject) return new Response('Invalid unsubscribe token', { status: 400 });

	await emailChoices.unsubscribe(subject);
	return new Response('Unsubscribed', { status: 200 });
};

/** A mail client that opens the header's URL (RFC 2369) gets the page, in the person's language. */
export const GET: RequestHandler = async ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	const subject = verifyToken(await tokenSecret(), token);
	const locale = subject ? await emailChoices.localeOf(subject.userId) : 'ja';
	redirect(303, localizeHref(`/unsubscribe?token=${encodeURIComponent(token)}`, { locale }));
};
