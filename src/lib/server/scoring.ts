import { asUser, type Actor, type Tx } from './db';
import { asDomainError } from './errors';

export interface Standing {
	userId: string;
	nickname: string;
	points: number;
	rank: number;
}

export interface OwnStanding extends Standing {
	/** Points needed to pass the next person above; null at the top or once final. */
	pointsToPass: number | null;
	/** The person hides from public boards: they see their rank, nobody else does. */
	hidden: boolean;
}

export interface Leaderboard {
	top: Standing[];
	/** The viewer's own line, also when it is below the top or hidden. */
	mine: OwnStanding | null;
}

/** Which leaderboard: one campaign, a calendar month (Tokyo) or all time, optionally one ward. */
export type BoardScope =
	| { kind: 'campaign'; campaignId: string }
	| { kind: 'month'; ward?: string | null }
	| { kind: 'all'; ward?: string | null };

export interface TeamStanding {
	teamId: string;
	name: string;
	members: number;
	points: number;
	/** Null for a team without points. */
	rank: number | null;
}

export interface TeamBoard {
	teams: TeamStanding[];
	/** The viewer's team, with the points the team needs to pass the next one above. */
	mine: (TeamStanding & { pointsToPass: number | null }) | null;
}

/** The totals table and the rows of it that make up the board. */
function source(tx: Tx, scope: BoardScope) {
	const ward = scope.kind !== 'campaign' && scope.ward ? tx`and t.ward_code = ${scope.ward}` : tx``;
	switch (scope.kind) {
		case 'campaign':
			return { table: tx`public.campaign_totals`, where: tx`t.campaign_id = ${scope.campaignId}` };
		case 'month':
			return {
				table: tx`public.monthly_totals`,
				where: tx`t.month = public.tokyo_month(now()) ${ward}`
			};
		case 'all':
			return { table: tx`public.lifetime_totals`, where: tx`true ${ward}` };
	}
}

/**
 * A leaderboard: the top `size` people who do not hide, and the viewer's own rank with the
 * points needed to pass the next person above. Ties go to whoever reached the score first;
 * nobody with 0 points or fewer is ranked. Reads the totals the ledger's trigger keeps, from
 * the board indexes: the top is the head of an index, the own rank a count of the index range
 * above the viewer.
 */
export async function board(
	actor: Actor | null,
	scope: BoardScope,
	size = 20
): Promise<Leaderboard> {
	return asUser(actor, async (tx) => {
		if (scope.kind === 'campaign' && (await isFinal(tx, scope.campaignId))) {
			return frozenBoard(tx, actor, scope.campaignId, size);
		}

		const { table, where } = source(tx, scope);
		const top = await tx<Standing[]>`
			select t.user_id as "userId", p.nickname, t.points,
				(rank() over (order by t.points desc, t.reached_at))::int as rank
			from (select * from ${table} t
				where ${where} and t.points > 0 and not t.hidden
				order by t.points desc, t.reached_at, t.user_id limit ${size}) t
			join public.profiles p on p.id = t.user_id
			order by t.points desc, t.reached_at, t.user_id`;
		if (!actor) return { top, mine: null };

		// Everyone visible strictly ahead: more points, or as many reached earlier. The first
		// condition lets the index range start at the viewer's score.
		const ahead = tx`${where} and t.points > 0 and not t.hidden and t.user_id <> ${actor.id}
			and t.points >= me.points and (t.points > me.points or t.reached_at < me.reached_at)`;
		const [mine] = await tx<(OwnStanding & { nextPoints: number | null })[]>`
			with me as (
				select t.points, t.reached_at from ${table} t
				where ${where} and t.user_id = ${actor.id} and t.points > 0
			)
			select ${actor.id}::uuid as "userId", p.nickname, me.points,
				p.hide_from_leaderboards as hidden,
				(select count(*) from ${table} t where ${ahead})::int + 1 as rank,
				(select min(t.points) from ${table} t where ${ahead}) as "nextPoints"
			from me, public.profiles p where p.id = ${actor.id}`;
		return { top, mine: mine ? ownStanding(mine) : null };
	});
}

function ownStanding({ nextPoints, ...line }: OwnStanding & { nextPoints: number | null }) {
	return { ...line, pointsToPass: nextPoints === null ? null : nextPoints - line.points + 1 };
}

async function isFinal(tx: Tx, campaignId: string): Promise<boolean> {
	const [row] = await tx<{ final: boolean }[]>`
		select finalized_at is not null as final from public.campaigns where id = ${campaignId}`;
	return row?.final ?? false;
}

/** A final campaign's board: its frozen results, without the people who hide. */
async function frozenBoard(
	tx: Tx,
	actor: Actor | null,
	campaignId: string,
	size: number
): Promise<Leaderboard> {
	const top = await tx<Standing[]>`
		select r.user_id as "userId", p.nickname, r.points, r.rank
		from public.campaign_results r join public.profiles p on p.id = r.user_id
		where r.campaign_id = ${campaignId} and not p.hide_from_leaderboards
		order by r.rank, p.nickname limit ${size}`;
	if (!actor) return { top, mine: null };

	const [mine] = await tx<OwnStanding[]>`
		select r.user_id as "userId", p.nickname, r.points, r.rank, null::int as "pointsToPass",
			p.hide_from_leaderboards as hidden
		from public.campaign_results r join public.profiles p on p.id = r.user_id
		where r.campaign_id = ${campaignId} and r.user_id = ${actor.id}`;
	return { top, mine: mine ?? null };
}

/** A campaign's leaderboard: the top participants and the viewer's own rank. */
export function leaderboard(actor: Actor | null, campaignId: string, size = 20) {
	return board(actor, { kind: 'campaign', campaignId }, size);
}

/** The teams of a campaign by the sum of their members' points, and the viewer's team. */
export async function teamBoard(actor: Actor | null, campaignId: string): Promise<TeamBoard> {
	return asUser(actor, async (tx) => {
		const teams = await tx<TeamStanding[]>`
			select team_id as "teamId", name, members::int, points::int, rank::int
			from public.team_standings(${campaignId})`;
		if (!actor) return { teams, mine: null };

		const [membership] = await tx<{ teamId: string }[]>`
			select team_id as "teamId" from public.team_members
			where campaign_id = ${campaignId} and user_id = ${actor.id}`;
		const index = teams.findIndex((team) => team.teamId === membership?.teamId);
		if (index < 0) return { teams, mine: null };

		const team = teams[index];
		const above = teams.slice(0, index).findLast((other) => other.points > 0);
		const pointsToPass = above ? above.points - team.points + 1 : null;
		return { teams, mine: { ...team, pointsToPass } };
	});
}

/**
 * Joins the team of that name in a campaign that allows teams, creating it when nobody uses
 * the name yet. Refusals arrive as DomainError: `team_not_allowed`, `team_campaign_not_open`,
 * `team_name_invalid`, `team_already_joined`.
 */
export async function joinTeam(actor: Actor, campaignId: string, name: string): Promise<string> {
	const [{ teamId }] = await asUser(
		actor,
		(tx) => tx<{ teamId: string }[]>`select public.join_team(${campaignId}, ${name}) as "teamId"`
	).catch(asDomainError);
	return teamId;
}

/** A person's total points over every campaign. */
export async function totalPoints(actor: Actor): Promise<number> {
	const [row] = await asUser(
		actor,
		(tx) => tx<{ total: number }[]>`
		select points as total from public.lifetime_totals where user_id = ${actor.id}`
	);
	return row?.total ?? 0;
}
