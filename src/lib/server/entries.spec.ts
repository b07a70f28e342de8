import { beforeAll, describe, expect, it } from 'vitest';
import { close } from './campaigns';
import { DomainError } from './errors';
import { submit } from './entries';
import { leaderboard } from './scoring';
import { CHUO, createOpenCampaign, createPerson, pendingPhoto, useTestDatabase } from './testing';
import type { Actor } from './db';

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
});

describe('submitting an entry', () => {
	it('counts an entry inside the area with the campaign points', async () => {
		const campaign = await createOpenCampaign(organiser, { pointsPerEntry: 15 });
		const citizen = await createPerson();
		const photo = await pendingPhoto(citizen);

		const entry = await submit(citizen, {
			campaignId: campaign,
			photoId: photo,
			...CHUO,
			comment: 'yellow sign',
			idempotencyKey: null
		});

		expect(entry.status).toBe('approved');
		const board = await leaderboard(citizen, campaign);
		expect(board.mine).toMatchObject({ userId: citizen.id, points: 15, rank: 1 });
	});

	it('refuses a point outside the campaign area', async () => {
		const campaign = await createOpenCampaign(organiser, { wardCodes: ['12106'] });
		const citizen = await createPerson();
		const photo = await pendingPhoto(citizen);

		await expect(
			submit(citizen, {
				campaignId: campaign,
				photoId: photo,
				...CHUO,
				comment: '',
				idempotencyKey: null
			})
		).rejects.toEqual(new DomainError('outside_area'));
	});

	it('creates one entry for a double tap with the same key', async () => {
		const campaign = await createOpenCampaign(organiser);
		const citizen = await createPerson();
		const photo = await pendingPhoto(citizen);
		const input = {
			campaignId: campaign,
			photoId: photo,
			...CHUO,
			comment: '',
			idempotencyKey: 'tap-1'
		};

		const [first, second] = [await submit(citizen, input), await submit(citizen, input)];

		expect(second.id).toBe(first.id);
		expect((await leaderboard(citizen, campaign)).mine?.points).toBe(10);
	});

	it('refuses an entry once an organiser has closed the campaign', async () => {
		const campaign = await createOpenCampaign(organiser);
		const citizen = await createPerson();
		const photo = await pendingPhoto(citizen);
		await close(organiser, campaign);

		await expect(
			submit(citizen, {
				campaignId: campaign,
				photoId: photo,
				...CHUO,
				comment: '',
				idempotencyKey: null
			})
		).rejects.toEqual(new DomainError('campaign_not_open'));
	});
});
