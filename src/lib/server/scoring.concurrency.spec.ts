import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { submit } from './entries';
import { CHUO, createOpenCampaign, createPerson, pendingPhoto, useTestDatabase } from './testing';

// On PostgreSQL 15 these requests really run in parallel; on the embedded database they take
// turns, which must give the same result.
let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
});

async function badgeCount(person: Actor, code: string): Promise<number> {
	const [{ count }] = await asSystem(
		'spec-badges',
		(tx) => tx<{ count: number }[]>`
		select count(*)::int as count from public.badge_awards
		where user_id = ${person.id} and badge_code = ${code}`
	);
	return count;
}

/** The person's totals next to the sums of the ledger they must equal. */
async function totalsAndLedger(person: Actor) {
	const [row] = await asSystem(
		'spec-totals',
		(tx) => tx<{ lifetime: number; ledger: number; campaigns: number; campaignLedger: number }[]>`
		select
			(select points from public.lifetime_totals where user_id = ${person.id}) as lifetime,
			(select sum(points)::int from public.point_events where user_id = ${person.id}) as ledger,
			(select sum(points)::int from public.campaign_totals where user_id = ${person.id}) as campaigns,
			(select sum(points)::int from public.point_events
				where user_id = ${person.id} and campaign_id is not null) as "campaignLedger"`
	);
	return row;
}

describe('badges and totals under concurrent requests', () => {
	it('awards one first-entry badge for many first entries sent at once, totals equal to the ledger', async () => {
		const campaignId = await createOpenCampaign(organiser, { pointsPerEntry: 7 });
		const person = await createPerson();
		const photos = await Promise.all(Array.from({ length: 12 }, () => pendingPhoto(person)));

		await Promise.all(
			photos.map((photoId) =>
				submit(person, { campaignId, photoId, ...CHUO, comment: '', idempotencyKey: null })
			)
		);

		expect(await badgeCount(person, 'first_entry')).toBe(1);
		expect(await badgeCount(person, 'ten_entries')).toBe(1);
		expect(await totalsAndLedger(person)).toEqual({
			lifetime: 84,
			ledger: 84,
			campaigns: 84,
			campaignLedger: 84
		});
	});

	it('keeps the totals equal to the ledger when lines of several campaigns arrive at once', async () => {
		const campaigns = [await createOpenCampaign(organiser), await createOpenCampaign(organiser)];
		const person = await createPerson();

		await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				asSystem(
					'spec-ledger',
					(tx) => tx`
					insert into public.point_events (user_id, campaign_id, points, reason)
					values (${person.id}, ${campaigns[i % 2]}, ${i + 1}, 'first_check')`
				)
			)
		);

		expect(await badgeCount(person, 'inspector')).toBe(1);
		expect(await totalsAndLedger(person)).toEqual({
			lifetime: 465,
			ledger: 465,
			campaigns: 465,
			campaignLedger: 465
		});
	});
});
