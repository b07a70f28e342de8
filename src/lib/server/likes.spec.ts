import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { submit, gallery } from './entries';
import { DomainError } from './errors';
import { like, unlike } from './likes';
import { CHUO, createOpenCampaign, createPerson, pendingPhoto, useTestDatabase } from './testing';

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
});

/** An approved entry by a new person in a new campaign with the given like rules. */
async function likedEntry(likePoints: number, likePointsCap: number) {
	const campaign = await createOpenCampaign(organiser, { likePoints, likePointsCap });
	const author = await createPerson();
	const { id } = await submit(author, {
		campaignId: campaign,
		photoId: await pendingPhoto(author),
		...CHUO,
		comment: '',
		idempotencyKey: null
	});
	return { campaign, author, entryId: id };
}

async function likePoints(userId: string, campaignId: string): Promise<number> {
	const [{ points }] = await asSystem(
		'spec-like-points',
		(tx) => tx<{ points: number }[]>`
		select coalesce(sum(points), 0)::int as points from public.point_events
		where user_id = ${userId} and campaign_id = ${campaignId}
			and reason in ('like_received', 'like_withdrawn')`
	);
	return points;
}

describe('liking an entry', () => {
	it('counts a like, earns the author the like points, and gives them back when taken back', async () => {
		const { campaign, author, entryId } = await likedEntry(3, 30);
		const fan = await createPerson();

		expect(await like(fan, entryId)).toEqual({ likes: 1, points: 3 });
		const shown = (await gallery(fan, campaign)).entries[0];
		expect(shown).toMatchObject({ id: entryId, likeCount: 1, likedByMe: true });
		expect(await likePoints(author.id, campaign)).toBe(3);

		expect(await unlike(fan, entryId)).toEqual({ likes: 0, points: -3 });
		expect(await likePoints(author.id, campaign)).toBe(0);
		expect((await gallery(fan, campaign)).entries[0]).toMatchObject({
			likeCount: 0,
			likedByMe: false
		});
	});

	it('refuses a like on one’s own entry', async () => {
		const { author, entryId } = await likedEntry(3, 30);

		await expect(like(author, entryId)).rejects.toEqual(new DomainError('like_own_entry'));
	});

	it('stops like points at the cap, while likes still count', async () => {
		const { campaign, author, entryId } = await likedEntry(4, 10);
		const fans = [await createPerson(), await createPerson(), await createPerson()];

		const results = [];
		for (const fan of fans) results.push(await like(fan, entryId));

		expect(results.map((r) => r.points)).toEqual([4, 4, 2]);
		expect(results.at(-1)?.likes).toBe(3);
		expect(await likePoints(author.id, campaign)).toBe(10);
	});

	it('writes no ledger line when the campaign gives no like points', async () => {
		const { campaign, author, entryId } = await likedEntry(0, 0);

		expect(await like(await createPerson(), entryId)).toEqual({ likes: 1, points: 0 });
		expect(await likePoints(author.id, campaign)).toBe(0);
	});
});
