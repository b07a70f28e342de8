import { beforeAll, describe, expect, it } from 'vitest';
import * as campaigns from './campaigns';
import { asSystem, type Actor } from './db';
import { DomainError } from './errors';
import * as proposals from './proposals';
import { createPerson, ensurePlaces, uniquePerson, useTestDatabase } from './testing';

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	organiser = await createPerson(['organiser']);
});

function idea(overrides: Partial<proposals.NewProposal> = {}): proposals.NewProposal {
	return {
		title: `Spec idea ${uniquePerson('t').nickname}`,
		description: 'Photograph the shelter signs of the neighbourhood.',
		kind: 'photo_hunt',
		wardCodes: ['12101', '12106'],
		startsOn: null,
		endsOn: null,
		...overrides
	};
}

async function ledgerOf(person: Actor) {
	return asSystem(
		'spec-ledger',
		(tx) => tx<{ points: number; reason: string }[]>`
		select points, reason from public.point_events where user_id = ${person.id}`
	);
}

describe('proposing a theme', () => {
	it('keeps what the citizen proposed, open and without votes', async () => {
		const citizen = await createPerson();
		const input = idea({ startsOn: '2027-05-01', endsOn: '2027-05-14' });

		const id = await proposals.create(citizen, input);

		expect(await proposals.read(null, id)).toMatchObject({
			...input,
			authorId: citizen.id,
			status: 'open',
			voteCount: 0,
			voted: false
		});
	});

	it('refuses a sixth proposal from one person within a day', async () => {
		const citizen = await createPerson();
		for (let n = 0; n < 5; n++) await proposals.create(citizen, idea());

		await expect(proposals.create(citizen, idea())).rejects.toEqual(
			new DomainError('proposal_rate_limited')
		);
	});
});

describe('voting', () => {
	it('counts one vote per person and shows the voter their vote until withdrawn', async () => {
		const [author, voter, other] = [
			await createPerson(),
			await createPerson(),
			await createPerson()
		];
		const id = await proposals.create(author, idea());

		await proposals.vote(voter, id);
		await proposals.vote(voter, id);
		await proposals.vote(other, id);

		expect(await proposals.read(voter, id)).toMatchObject({ voteCount: 2, voted: true });
		expect(await proposals.unvote(voter, id)).toBe(1);
		expect(await proposals.read(voter, id)).toMatchObject({ voteCount: 1, voted: false });
	});

	it('refuses a vote for one’s own proposal', async () => {
		const author = await createPerson();
		const id = await proposals.create(author, idea());

		await expect(proposals.vote(author, id)).rejects.toEqual(new DomainError('proposal_own_vote'));
	});

	it('lists open proposals by votes, then by newest', async () => {
		const author = await createPerson();
		const voters = [await createPerson(), await createPerson()];
		const older = await proposals.create(author, idea());
		const newer = await proposals.create(author, idea());
		for (const voter of voters) await proposals.vote(voter, older);

		const byVotes = await proposals.list(null, {
			status: 'open',
			sort: 'votes',
			page: 1,
			pageSize: 1000
		});
		const byNewest = await proposals.list(null, {
			status: 'open',
			sort: 'newest',
			page: 1,
			pageSize: 1000
		});

		const order = (page: proposals.ProposalPage) =>
			page.proposals.map((p) => p.id).filter((id) => id === older || id === newer);
		expect(order(byVotes)).toEqual([older, newer]);
		expect(order(byNewest)).toEqual([newer, older]);
	});
});

describe('deciding on a proposal', () => {
	it('accepting makes a draft campaign from the proposal and credits the proposer once', async () => {
		const author = await createPerson();
		const input = idea({ kind: 'photo_hunt', startsOn: '2027-06-01', endsOn: '2027-06-15' });
		const id = await proposals.create(author, input);

		const campaignId = await proposals.accept(organiser, id);

		expect(await campaigns.read(organiser, campaignId)).toMatchObject({
			kind: 'photo_hunt',
			title: input.title,
			description: input.description,
			phase: 'draft',
			wardCodes: ['12101', '12106'],
			startsAt: new Date('2027-06-01T09:00:00+09:00'),
			endsAt: new Date('2027-06-15T18:00:00+09:00')
		});
		expect(await proposals.read(null, id)).toMatchObject({ status: 'accepted', campaignId });
		expect(await proposals.forCampaign(organiser, campaignId)).toEqual({
			id,
			nickname: expect.any(String)
		});
		await expect(proposals.accept(organiser, id)).rejects.toEqual(
			new DomainError('proposal_not_open')
		);
		expect(await ledgerOf(author)).toEqual([{ points: 50, reason: 'proposal_accepted' }]);
	});

	it('starts a campaign without a suggested period in two weeks, for two weeks', async () => {
		const id = await proposals.create(await createPerson(), idea());

		const campaign = await campaigns.read(organiser, await proposals.accept(organiser, id));

		const days = (date: Date) => (date.getTime() - Date.now()) / (24 * 60 * 60 * 1000);
		expect(days(campaign!.startsAt)).toBeGreaterThan(13);
		expect(days(campaign!.startsAt)).toBeLessThan(15);
		expect(days(campaign!.endsAt) - days(campaign!.startsAt)).toBeCloseTo(14 + 9 / 24, 1);
	});

	it('accepts an asset-check proposal only with the inventory layer to check', async () => {
		const id = await proposals.create(await createPerson(), idea({ kind: 'asset_check' }));
		const [{ layer }] = await asSystem(
			'spec-layer',
			(tx) => tx<{ layer: number }[]>`
			insert into public.asset_layers (code, name_ja, name_en)
			values (${`mirrors-${uniquePerson('l').nickname.toLowerCase()}`}, 'カーブミラー', 'Curve mirrors')
			returning id::int as layer`
		);

		await expect(proposals.accept(organiser, id)).rejects.toEqual(
			new DomainError('proposal_layer_required')
		);
		const campaignId = await proposals.accept(organiser, id, layer);

		const [made] = await asSystem(
			'spec-layer',
			(tx) => tx<{ kind: string; layer: number }[]>`
			select kind, asset_layer_id::int as layer from public.campaigns where id = ${campaignId}`
		);
		expect(made).toEqual({ kind: 'asset_check', layer });
	});

	it('refuses a citizen accepting a proposal', async () => {
		const citizen = await createPerson();
		const id = await proposals.create(await createPerson(), idea());

		await expect(proposals.accept(citizen, id)).rejects.toEqual(
			new DomainError('proposal_not_allowed')
		);
	});

	it('declines with a public reason, after which nobody can vote', async () => {
		const voter = await createPerson();
		const id = await proposals.create(await createPerson(), idea());

		await expect(proposals.decline(organiser, id, '  ')).rejects.toEqual(
			new DomainError('proposal_reason_required')
		);
		await proposals.decline(organiser, id, 'Planned for the spring already.');

		expect(await proposals.read(null, id)).toMatchObject({
			status: 'declined',
			declineReason: 'Planned for the spring already.'
		});
		await expect(proposals.vote(voter, id)).rejects.toEqual(new DomainError('proposal_not_open'));
	});

	it('treats an id that is not a UUID as a missing proposal', async () => {
		await expect(proposals.accept(organiser, 'nope')).rejects.toEqual(
			new DomainError('proposal_not_found')
		);
		expect(await proposals.read(null, 'nope')).toBeNull();
	});
});
