import { asUser, type Actor } from './db';

export interface Standing {
	userId: string;
	nickname: string;
	points: number;
	rank: number;
}

export interface Leaderboard {
	top: Standing[];
	/** The viewer's own line, also when it is below the top. */
	mine: Standing | null;
}

/** A campaign's leaderboard: the top participants and the viewer's own rank. */
export async function leaderboard(
	actor: Actor | null,
	campaignId: string,
	size = 20
): Promise<Leaderboard> {
	return asUser(actor, async (tx) => {
		const top = await tx<Standing[]>`
			select user_id as "userId", nickname, points::int, rank::int
			from public.campaign_standings(${campaignId}) limit ${size}`;
		const mine = actor
			? ((
					await tx<Standing[]>`
				select user_id as "userId", nickname, points::int, rank::int
				from public.campaign_standings(${campaignId}) where user_id = ${actor.id}`
				)[0] ?? null)
			: null;
		return { top, mine };
	});
}

/** A person's total points over every campaign. */
export async function totalPoints(actor: Actor): Promise<number> {
	const [{ total }] = await asUser(
		actor,
		(tx) => tx<{ total: number }[]>`
		select coalesce(sum(points), 0)::int as total from public.point_events where user_id = ${actor.id}`
	);
	return total;
}
