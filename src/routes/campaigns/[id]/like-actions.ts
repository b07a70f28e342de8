import { fail, type RequestEvent } from '@sveltejs/kit';
import { messageFor } from '$lib/errors';
import { entryActionSchema, formFields } from '$lib/schemas/moderation';
import { actorOf, signInFirst } from '$lib/server/actor';
import { DomainError } from '$lib/server/errors';
import * as likes from '$lib/server/likes';

/**
 * The gallery's like and unlike buttons: plain form posts, so they work without JavaScript.
 * A refusal comes back with the entry's id, so the message shows beside that entry's button.
 */
async function change(event: RequestEvent, verb: 'like' | 'unlike') {
	const actor = actorOf(event.locals);
	if (!actor) signInFirst(event.url);
	const parsed = entryActionSchema.safeParse(
		formFields(await event.request.formData(), ['entryId'])
	);
	if (!parsed.success)
		return fail(400, { likeError: messageFor('like_not_found'), likeEntryId: '' });
	const { entryId } = parsed.data;

	try {
		await likes[verb](actor, entryId);
	} catch (failure) {
		if (failure instanceof DomainError) {
			return fail(409, { likeError: messageFor(failure.code), likeEntryId: entryId });
		}
		throw failure;
	}

	return { likeEntryId: entryId };
}

export const likeActions = {
	like: (event: RequestEvent) => change(event, 'like'),
	unlike: (event: RequestEvent) => change(event, 'unlike')
};
