// Likes under concurrent requests. On PostgreSQL 15 (DATABASE_URL) the requests really run in
// parallel, each in its own transaction on its own connection; on the embedded database they
// take turns, which still checks the outcome.
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { submit } from './entries';
import { like } from './likes';
import { CHUO, createOpenCampaign, createPerson, pendingPhoto, useTestDatabase } from './testing';

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
});

async function approvedEntry(likePoints: number, likePointsCap: number) {
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

async function ledgerAndLikes(entryId: string, authorId: string) {
	const [row] = await asSystem(
		'spec-like-ledger',
		(tx) => tx<{ points: number; lines: number; likes: number; rows: number }[]>`
		select coalesce(sum(pe.points), 0)::int as points, count(pe.id)::int as lines,
			(select like_count from public.entries where id = ${entryId}) as likes,
			(select count(*)::int from public.entry_likes where entry_id = ${entryId}) as rows
		from public.point_events pe
		where pe.entry_id = ${entryId} and pe.user_id = ${authorId}
			and pe.reason in ('like_received', 'like_withdrawn')`
	);
	return row;
}

describe('likes under concurrent requests', () => {
	it('keeps like points within the cap when fifty people like one entry at once', async () => {
		const { author, entryId } = await approvedEntry(3, 100);
		const fans = await Promise.all(Array.from({ length: 50 }, () => createPerson()));

		const results = await Promise.all(fans.map((fan) => like(fan, entryId)));

		// 33 likes earn 3 points, one earns the last 1, the other 16 earn nothing: 100 in all.
		const awarded = results.map((r) => r.points).sort((a, b) => b - a);
		expect(awarded.filter((p) => p === 3)).toHaveLength(33);
		expect(awarded.filter((p) => p === 1)).toHaveLength(1);
		expect(awarded.reduce((sum, p) => sum + p, 0)).toBe(100);
		expect(await ledgerAndLikes(entryId, author.id)).toEqual({
			points: 100,
			lines: 34,
			likes: 50,
			rows: 50
		});
	});

	it('counts ten simultaneous likes by one person as one like', async () => {
		const { author, entryId } = await approvedEntry(5, 50);
		const fan = await createPerson();

		const results = await Promise.all(Array.from({ length: 10 }, () => like(fan, entryId)));

		expect(results.filter((r) => r.points === 5)).toHaveLength(1);
		expect(new Set(results.map((r) => r.likes))).toEqual(new Set([1]));
		expect(await ledgerAndLikes(entryId, author.id)).toEqual({
			points: 5,
			lines: 1,
			likes: 1,
			rows: 1
		});
	});
});
