import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { DomainError } from './errors';
import { progress, setHiddenFromLeaderboards } from './people';
import { board, joinTeam, leaderboard, teamBoard } from './scoring';
import { createOpenCampaign, createPerson, useTestDatabase } from './testing';

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
});

/** A ward code no other spec uses, so that the ward boards hold only this test's people. */
function freshWard(): string {
	return `w${Math.random().toString(36).slice(2, 10)}`;
}

/** Ledger lines as another feature would write them, at the given minutes ago. */
async function award(
	person: Actor,
	points: number,
	{ campaignId = null as string | null, minutesAgo = 0, reason = 'bonus' } = {}
): Promise<void> {
	await asSystem(
		'spec-ledger',
		(tx) => tx`
		insert into public.point_events (user_id, campaign_id, points, reason, created_at)
		values (${person.id}, ${campaignId}, ${points}, ${reason},
			now() - make_interval(mins => ${minutesAgo}))`
	);
}

describe('a campaign leaderboard', () => {
	it('ranks a tie by who reached the score first and leaves out people without points', async () => {
		const campaignId = await createOpenCampaign(organiser);
		const [early, late, none] = [await createPerson(), await createPerson(), await createPerson()];
		await award(early, 30, { campaignId, minutesAgo: 20 });
		await award(late, 30, { campaignId, minutesAgo: 10 });
		await award(none, 10, { campaignId, minutesAgo: 5 });
		await award(none, -10, { campaignId, minutesAgo: 1 });

		const { top, mine } = await leaderboard(late, campaignId);

		expect(top.map(({ userId, rank }) => [userId, rank])).toEqual([
			[early.id, 1],
			[late.id, 2]
		]);
		expect(mine).toMatchObject({ userId: late.id, rank: 2, points: 30, pointsToPass: 1 });
		expect((await leaderboard(none, campaignId)).mine).toBeNull();
	});

	it('shows the top 20 and the viewer below them with the points to pass the next person', async () => {
		const campaignId = await createOpenCampaign(organiser);
		const others = await Promise.all(Array.from({ length: 21 }, () => createPerson()));
		const viewer = await createPerson();
		for (const [i, person] of others.entries()) await award(person, 100 + i * 5, { campaignId });
		await award(viewer, 42, { campaignId });

		const { top, mine } = await leaderboard(viewer, campaignId);

		expect(top).toHaveLength(20);
		expect(top[0]).toMatchObject({ userId: others[20].id, points: 200, rank: 1 });
		expect(top.some((line) => line.userId === viewer.id)).toBe(false);
		expect(mine).toMatchObject({ rank: 22, points: 42, pointsToPass: 100 - 42 + 1 });
	});

	it('leaves out a person who hides, who still sees their own rank', async () => {
		const campaignId = await createOpenCampaign(organiser);
		const [shy, open] = [await createPerson(), await createPerson()];
		await award(shy, 50, { campaignId });
		await award(open, 20, { campaignId });

		await setHiddenFromLeaderboards(shy, true);

		const seenByOthers = await leaderboard(open, campaignId);
		expect(seenByOthers.top.map((line) => line.userId)).toEqual([open.id]);
		expect(seenByOthers.mine).toMatchObject({ rank: 1, pointsToPass: null });
		expect((await leaderboard(null, campaignId)).top.map((line) => line.userId)).toEqual([open.id]);
		expect((await leaderboard(shy, campaignId)).mine).toMatchObject({
			rank: 1,
			points: 50,
			hidden: true
		});
	});
});

describe('the month, all-time and ward leaderboards', () => {
	it('ranks only the people of the chosen ward', async () => {
		const ward = freshWard();
		const [first, second] = [await createPerson([], ward), await createPerson([], ward)];
		const elsewhere = await createPerson([], freshWard());
		await award(first, 70);
		await award(second, 40);
		await award(elsewhere, 500);

		const { top, mine } = await board(second, { kind: 'all', ward });

		expect(top.map(({ userId, points }) => [userId, points])).toEqual([
			[first.id, 70],
			[second.id, 40]
		]);
		expect(mine).toMatchObject({ rank: 2, pointsToPass: 31 });
	});

	it('counts this month only on the month board, and every month on the all-time board', async () => {
		const ward = freshWard();
		const [steady, lastMonth] = [await createPerson([], ward), await createPerson([], ward)];
		await award(steady, 15);
		await award(lastMonth, 90, { minutesAgo: 45 * 24 * 60 });
		await award(lastMonth, 5);

		const month = await board(lastMonth, { kind: 'month', ward });
		const allTime = await board(lastMonth, { kind: 'all', ward });

		expect(month.top.map(({ userId, points }) => [userId, points])).toEqual([
			[steady.id, 15],
			[lastMonth.id, 5]
		]);
		expect(month.mine).toMatchObject({ rank: 2, pointsToPass: 11 });
		expect(allTime.mine).toMatchObject({ rank: 1, points: 95, pointsToPass: null });
	});
});

describe('team leaderboards', () => {
	async function teamCampaign(): Promise<string> {
		const campaignId = await createOpenCampaign(organiser);
		await asSystem(
			'spec-teams',
			(tx) => tx`
			update public.campaigns set allow_teams = true where id = ${campaignId}`
		);
		return campaignId;
	}

	it('sums the members of each team and tells a team what it needs to pass the next', async () => {
		const campaignId = await teamCampaign();
		const [a1, a2, b1] = [await createPerson(), await createPerson(), await createPerson()];
		await joinTeam(a1, campaignId, 'Inage Owls');
		await joinTeam(a2, campaignId, 'inage owls');
		await joinTeam(b1, campaignId, 'Chuo Cats');
		await award(a1, 10, { campaignId });
		await award(a2, 25, { campaignId });
		await award(b1, 30, { campaignId });

		const { teams, mine } = await teamBoard(b1, campaignId);

		expect(teams.map(({ name, members, points, rank }) => [name, members, points, rank])).toEqual([
			['Inage Owls', 2, 35, 1],
			['Chuo Cats', 1, 30, 2]
		]);
		expect(mine).toMatchObject({ name: 'Chuo Cats', rank: 2, pointsToPass: 6 });
	});

	it('lets a person join one team per campaign, and only where teams are allowed', async () => {
		const campaignId = await teamCampaign();
		const person = await createPerson();
		await joinTeam(person, campaignId, 'Mihama Gulls');

		await expect(joinTeam(person, campaignId, 'Hanamigawa Hawks')).rejects.toEqual(
			new DomainError('team_already_joined')
		);
		await expect(joinTeam(person, await createOpenCampaign(organiser), 'Solo')).rejects.toEqual(
			new DomainError('team_not_allowed')
		);
	});
});

describe('a person’s progress', () => {
	it('shows the level from lifetime points, the badges earned and the latest ledger lines', async () => {
		const campaignId = await createOpenCampaign(organiser);
		const person = await createPerson();
		await award(person, 50, { campaignId, reason: 'entry_approved', minutesAgo: 2 });
		await award(person, 15, { reason: 'fix_verified' });

		const mine = await progress(person);

		expect(mine.level).toMatchObject({ level: 3, points: 65, next: 120, toNext: 55 });
		expect(mine.badges.map((badge) => badge.code)).toEqual(['first_entry', 'volunteer']);
		expect(mine.history.map(({ reason, points }) => [reason, points])).toEqual([
			['fix_verified', 15],
			['entry_approved', 50]
		]);
		expect(mine.history[1].campaignTitle).toMatch(/^Spec campaign/);
	});
});
