// Concurrent requests against the proposal rules. On PostgreSQL 15 (DATABASE_URL) the requests
// really run in parallel, each in its own transaction on its own connection; on the embedded
// database they take turns, which still checks the outcome.
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { DomainError } from './errors';
import * as proposals from './proposals';
import { createPerson, ensurePlaces, useTestDatabase } from './testing';

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
});

async function newProposal(author: Actor) {
	return proposals.create(author, {
		title: 'Shelter signs in the rain',
		description: 'Check that every shelter sign can be read at night.',
		kind: 'photo_hunt',
		wardCodes: ['12101'],
		startsOn: null,
		endsOn: null
	});
}

describe('proposals under concurrent requests', () => {
	it('counts twenty simultaneous votes by one person as one vote', async () => {
		const id = await newProposal(await createPerson());
		const voter = await createPerson();

		const counts = await Promise.all(Array.from({ length: 20 }, () => proposals.vote(voter, id)));

		expect(new Set(counts)).toEqual(new Set([1]));
		const [{ votes }] = await asSystem(
			'spec-votes',
			(tx) => tx<{ votes: number }[]>`
			select count(*)::int as votes from public.proposal_votes where proposal_id = ${id}`
		);
		expect(votes).toBe(1);
		expect((await proposals.read(null, id))?.voteCount).toBe(1);
	});

	it('turns a proposal accepted by two organisers at once into one campaign and one credit', async () => {
		const author = await createPerson();
		const id = await newProposal(author);
		const organisers = [await createPerson(['organiser']), await createPerson(['organiser'])];

		const outcomes = await Promise.allSettled(organisers.map((o) => proposals.accept(o, id)));

		const made = outcomes.filter((o) => o.status === 'fulfilled');
		const refused = outcomes.filter((o) => o.status === 'rejected');
		expect(made).toHaveLength(1);
		expect(refused.map((o) => o.reason)).toEqual([new DomainError('proposal_not_open')]);
		const [counts] = await asSystem(
			'spec-accept',
			(tx) => tx<{ campaigns: number; credits: number }[]>`
			select (select count(*)::int from public.campaigns where proposal_id = ${id}) as campaigns,
				(select count(*)::int from public.point_events
					where user_id = ${author.id} and reason = 'proposal_accepted') as credits`
		);
		expect(counts).toEqual({ campaigns: 1, credits: 1 });
	});
});
