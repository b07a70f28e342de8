import { levelFor, type Level } from '$lib/levels';
import { asUser, type Actor, type Tx } from './db';

export interface EarnedBadge {
	code: string;
	nameJa: string;
	nameEn: string;
	descriptionJa: string;
	descriptionEn: string;
	/** Path of the SVG under static/. */
	icon: string;
	/** The campaign it was earned in, for the badges earned per campaign. */
	campaignTitle: string | null;
	awardedAt: Date;
}

export interface HistoryLine {
	id: string;
	points: number;
	reason: string;
	campaignId: string | null;
	campaignTitle: string | null;
	createdAt: Date;
}

/** What a person sees about themselves on /account. */
export interface Progress {
	level: Level;
	badges: EarnedBadge[];
	history: HistoryLine[];
	hideFromLeaderboards: boolean;
}

/** What anybody sees on /people/[nickname]: never the email or the points history. */
export interface PublicProfile {
	nickname: string;
	homeWardCode: string;
	level: Level;
	badges: EarnedBadge[];
}

async function lifetimePoints(tx: Tx, userId: string): Promise<number> {
	const [row] = await tx<{ points: number }[]>`
		select points from public.lifetime_totals where user_id = ${userId}`;
	return row?.points ?? 0;
}

async function badgesOf(tx: Tx, userId: string): Promise<EarnedBadge[]> {
	return tx<EarnedBadge[]>`
		select b.code, b.name_ja as "nameJa", b.name_en as "nameEn",
			b.description_ja as "descriptionJa", b.description_en as "descriptionEn", b.icon,
			c.title as "campaignTitle", a.awarded_at as "awardedAt"
		from public.badge_awards a
		join public.badges b on b.code = a.badge_code
		left join public.campaigns c on c.id = a.campaign_id
		where a.user_id = ${userId}
		order by b.position, a.awarded_at`;
}

/** The person's level, badges, latest ledger lines and leaderboard setting. */
export async function progress(actor: Actor, historySize = 20): Promise<Progress> {
	return asUser(actor, async (tx) => {
		const points = await lifetimePoints(tx, actor.id);
		const badges = await badgesOf(tx, actor.id);
		const history = await tx<HistoryLine[]>`
			select e.id::text, e.points, e.reason, e.campaign_id as "campaignId",
				c.title as "campaignTitle", e.created_at as "createdAt"
			from public.point_events e left join public.campaigns c on c.id = e.campaign_id
			where e.user_id = ${actor.id}
			order by e.created_at desc, e.id desc limit ${historySize}`;
		const [profile] = await tx<{ hidden: boolean }[]>`
			select hide_from_leaderboards as hidden from public.profiles where id = ${actor.id}`;
		return {
			level: levelFor(points),
			badges,
			history,
			hideFromLeaderboards: profile?.hidden ?? false
		};
	});
}

/** Someone's public profile by nickname, or null when nobody has it. */
export async function publicProfile(
	actor: Actor | null,
	nickname: string
): Promise<PublicProfile | null> {
	return asUser(actor, async (tx) => {
		const [person] = await tx<{ id: string; nickname: string; homeWardCode: string }[]>`
			select id, nickname, home_ward_code as "homeWardCode"
			from public.profiles where nickname = ${nickname}`;
		if (!person) return null;

		const points = await lifetimePoints(tx, person.id);
		return {
			nickname: person.nickname,
			homeWardCode: person.homeWardCode,
			level: levelFor(points),
			badges: await badgesOf(tx, person.id)
		};
	});
}

/** Leaves the person off public leaderboards, or puts them back; they still see their rank. */
export async function setHiddenFromLeaderboards(actor: Actor, hidden: boolean): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`
		update public.profiles set hide_from_leaderboards = ${hidden} where id = ${actor.id}`
	);
}
