import { actorOf } from '$lib/server/actor';
import * as proposals from '$lib/server/proposals';
import { voteAction } from '$lib/server/proposal-votes';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;
const SORTS = ['votes', 'newest'] as const;
const STATUSES = ['open', 'accepted', 'declined'] as const;

/** A query parameter that must be one of `allowed`; anything else is the first of them. */
function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T {
	return allowed.find((choice) => choice === value) ?? allowed[0];
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals);
	const sort = oneOf(url.searchParams.get('sort'), SORTS);
	const status = oneOf(url.searchParams.get('status'), STATUSES);
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);

	const list = await proposals.list(actor, {
		status,
		sort,
		page: Number.isSafeInteger(requested) ? requested : 1,
		pageSize: PAGE_SIZE
	});

	return {
		sort,
		status,
		page: list.page,
		pageCount: list.pageCount,
		total: list.total,
		proposals: list.proposals.map(({ authorId, ...proposal }) => ({
			...proposal,
			isMine: authorId === actor?.id
		}))
	};
};

export const actions: Actions = {
	vote: voteAction('vote'),
	unvote: voteAction('unvote')
};
