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
		// One pass over the standings: the top rows and, wherever it falls, the viewer's own.
		const rows = await tx<(Standing & { position: number })[]>`
			select user_id as "userId", nickname, points::int, rank::int, position::int
			from (select s.*, row_number() over (order by s.rank, s.nickname) as position
				from public.campaign_standings(${campaignId}) s) ranked
			where position <= ${size} or user_id = ${actor?.id ?? null}
			order by position`;
		const strip = (row: Standing): Standing => ({
			userId: row.userId,
			nickname: row.nickname,
			points: row.points,
			rank: row.rank
		});
		const mine = actor ? rows.find((row) => row.userId === actor.id) : undefined;
		return {
			top: rows.filter((row) => row.position <= size).map(strip),
			mine: mine ? strip(mine) : null
		};
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
