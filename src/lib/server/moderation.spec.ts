import { beforeAll, describe, expect, it } from 'vitest';
import * as audit from './audit';
import { asSystem, type Actor } from './db';
import { feature, gallery, hide, mine, moderate, submit } from './entries';
import { DomainError } from './errors';
import { CHUO, createOpenCampaign, createPerson, pendingPhoto, useTestDatabase } from './testing';

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
});

async function send(campaignId: string, author: Actor) {
	const { id } = await submit(author, {
		campaignId,
		photoId: await pendingPhoto(author),
		...CHUO,
		comment: '',
		idempotencyKey: null
	});
	return id;
}

async function points(userId: string, campaignId: string): Promise<number> {
	const [{ total }] = await asSystem(
		'spec-points',
		(tx) => tx<{ total: number }[]>`
		select coalesce(sum(points), 0)::int as total from public.point_events
		where user_id = ${userId} and campaign_id = ${campaignId}`
	);
	return total;
}

describe('moderating entries', () => {
	it('shows a featured entry first in the gallery, marked as featured', async () => {
		const campaign = await createOpenCampaign(organiser);
		const older = await send(campaign, await createPerson());
		const newer = await send(campaign, await createPerson());

		await feature(organiser, older, true);

		const entries = (await gallery(null, campaign)).entries;
		expect(entries.map((e) => [e.id, e.featured])).toEqual([
			[older, true],
			[newer, false]
		]);
	});

	it('refuses to feature an entry that is not approved', async () => {
		const campaign = await createOpenCampaign(organiser, { moderation: 'moderated' });
		const pending = await send(campaign, await createPerson());

		await expect(feature(organiser, pending, true)).rejects.toEqual(
			new DomainError('feature_not_approved')
		);
	});

	it('takes a hidden entry out of the gallery and gives back its points, and tells the entrant why', async () => {
		const campaign = await createOpenCampaign(organiser, { pointsPerEntry: 12 });
		const author = await createPerson();
		const entry = await send(campaign, author);

		await hide(organiser, entry, 'Shows a car number plate.');

		expect((await gallery(null, campaign)).entries).toEqual([]);
		expect(await points(author.id, campaign)).toBe(0);
		expect(await mine(author, campaign)).toMatchObject([
			{ id: entry, status: 'hidden', moderationReason: 'Shows a car number plate.' }
		]);
	});

	it('rejects with a reason the entrant reads among their entries', async () => {
		const campaign = await createOpenCampaign(organiser, { moderation: 'moderated' });
		const author = await createPerson();
		const entry = await send(campaign, author);

		await moderate(organiser, entry, 'rejected', 'The photo is not of the theme.');

		expect(await mine(author, campaign)).toMatchObject([
			{ status: 'rejected', moderationReason: 'The photo is not of the theme.' }
		]);
	});

	it('refuses hiding by someone who is not an organiser', async () => {
		const campaign = await createOpenCampaign(organiser);
		const entry = await send(campaign, await createPerson());

		await expect(hide(await createPerson(), entry, null)).rejects.toEqual(
			new DomainError('not_allowed')
		);
	});

	it('records each organiser action in the audit log, which only admins read', async () => {
		const campaign = await createOpenCampaign(organiser, { moderation: 'moderated' });
		const entry = await send(campaign, await createPerson());
		await moderate(organiser, entry, 'approved');
		await feature(organiser, entry, true);
		await hide(organiser, entry, 'Off theme');

		const admin = await createPerson(['admin']);
		const { lines } = await audit.list(admin, 1, 500);
		const ours = lines.filter((l) => l.targetId === entry || l.targetId === campaign);
		expect(ours.map((l) => l.action)).toEqual([
			'entry_hidden',
			'entry_featured',
			'entry_approved',
			'campaign_created'
		]);
		expect(ours.every((l) => l.actorId === organiser.id)).toBe(true);
		expect((await audit.list(organiser)).total).toBe(0);
	});
});
