import { fail, type RequestEvent } from '@sveltejs/kit';
import { proposalRefusal } from '$lib/proposal-labels';
import { actorOf, signInFirst } from './actor';
import { DomainError } from './errors';
import * as proposals from './proposals';

/**
 * The vote and unvote form actions, shared by the list and the proposal page. The form sends
 * `proposalId`; a visitor is sent to sign in and back to the page.
 */
export function voteAction(verb: 'vote' | 'unvote') {
	return async ({ locals, url, request }: RequestEvent) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);
		const proposalId = String((await request.formData()).get('proposalId') ?? '');

		try {
			const voteCount = await (verb === 'vote' ? proposals.vote : proposals.unvote)(
				actor,
				proposalId
			);
			return { proposalId, done: verb, voteCount };
		} catch (failure) {
			if (failure instanceof DomainError) {
				return fail(400, { proposalId, error: proposalRefusal(failure.code) });
			}
			throw failure;
		}
	};
}
