import { error, redirect } from '@sveltejs/kit';
import { localHref } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from '$lib/server/actor';
import { smtpUrl } from '$lib/server/mail/config';
import * as outbox from '$lib/server/mail/log';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/**
 * The mail outbox, newest first: with no SMTP server, the emails that would have been sent, to
 * read in full; with one, the record of what was sent. Admins only (it shows addresses).
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);
	// Row-level security would show a non-admin an empty outbox; a clear refusal is kinder.
	if (!actor.roles.includes('admin')) error(403, m.mail_outbox_forbidden());

	const asked = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isSafeInteger(asked) && asked >= 1 ? asked : 1;
	const found = await outbox.list(actor, page, PAGE_SIZE);
	const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
	// Past the last page (an old link, a typed number): the last page, not "no mail yet".
	if (page > pages)
		redirect(303, localHref(pages === 1 ? '/admin/outbox' : `/admin/outbox?page=${pages}`));
	return {
		...found,
		page,
		pages,
		smtp: smtpUrl() !== null
	};
};
