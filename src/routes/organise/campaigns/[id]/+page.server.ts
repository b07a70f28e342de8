import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { messageFor } from '$lib/errors';
import { m } from '$lib/paraglide/messages';
import {
	entryActionSchema,
	featureSchema,
	formFields,
	reasonSchema
} from '$lib/schemas/moderation';
import { requireOrganiser } from '$lib/server/actor';
import * as campaigns from '$lib/server/campaigns';
import * as entries from '$lib/server/entries';
import { DomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

const PUBLISHED_PAGE_SIZE = 24;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireOrganiser(locals, url);
	const campaign = await campaigns.read(actor, params.id);
	if (!campaign) error(404, m.campaign_not_found());

	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const [queue, published] = await Promise.all([
		entries.awaitingModeration(actor, campaign.id),
		entries.gallery(actor, campaign.id, Number.isSafeInteger(page) ? page : 1, PUBLISHED_PAGE_SIZE)
	]);
	const summary = ({
		id,
		photoId,
		nickname,
		comment,
		createdAt,
		featured,
		likeCount
	}: entries.Entry) => ({ id, photoId, nickname, comment, createdAt, featured, likeCount });

	return {
		campaign,
		queue: queue.map(summary),
		published: { ...published, entries: published.entries.map(summary) },
		confirmClose: url.searchParams.has('confirm'),
		created: url.searchParams.has('created')
	};
};

/**
 * Reads the form with a schema, then runs the domain call. A bad field or a refusal comes back
 * with the entry's id and what was typed, so the message shows beside that entry's controls.
 */
async function onEntry<S extends z.ZodType<{ entryId: string }>>(
	request: Request,
	schema: S,
	fields: string[],
	work: (input: z.infer<S>) => Promise<void>,
	done: string
) {
	const typed = formFields(await request.formData(), fields);
	const entryId = typed.entryId;
	const parsed = schema.safeParse(typed);
	if (!parsed.success) {
		const error = parsed.error.issues[0]?.message ?? messageFor('not_found');
		return fail(400, { error, entryId, reason: typed.reason ?? '' });
	}

	try {
		await work(parsed.data);
	} catch (failure) {
		if (!(failure instanceof DomainError)) throw failure;
		return fail(409, { error: messageFor(failure.code), entryId, reason: typed.reason ?? '' });
	}
	return { done, entryId };
}

async function attempt(work: () => Promise<void>, done: string) {
	try {
		await work();
		return { done };
	} catch (failure) {
		if (failure instanceof DomainError) return fail(400, { error: messageFor(failure.code) });
		throw failure;
	}
}

export const actions: Actions = {
	approve: ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		return onEntry(
			request,
			entryActionSchema,
			['entryId'],
			({ entryId }) => entries.moderate(actor, entryId, 'approved'),
			'approved'
		);
	},
	reject: ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		return onEntry(
			request,
			reasonSchema,
			['entryId', 'reason'],
			({ entryId, reason }) => entries.moderate(actor, entryId, 'rejected', reason),
			'rejected'
		);
	},
	feature: ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		return onEntry(
			request,
			featureSchema,
			['entryId', 'featured'],
			({ entryId, featured }) => entries.feature(actor, entryId, featured === 'on'),
			'featured'
		);
	},
	hide: ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		return onEntry(
			request,
			reasonSchema,
			['entryId', 'reason'],
			({ entryId, reason }) => entries.hide(actor, entryId, reason),
			'hidden'
		);
	},
	publish: ({ locals, url, params }) => {
		const actor = requireOrganiser(locals, url);
		if (!campaigns.isUuid(params.id)) error(404, m.campaign_not_found());
		return attempt(() => campaigns.publish(actor, params.id), 'published');
	},
	close: ({ locals, url, params }) => {
		const actor = requireOrganiser(locals, url);
		if (!campaigns.isUuid(params.id)) error(404, m.campaign_not_found());
		return attempt(() => campaigns.close(actor, params.id), 'closed');
	}
};
