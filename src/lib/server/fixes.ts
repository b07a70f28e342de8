// Volunteers and the small fixes they claim. The rules (one holder per fix, the claim limit,
// expiry, completion only by the holder) are SQL functions; this module names them.
import { asUser, type Actor } from './db';
import { asDomainError } from './errors';

export type Difficulty = 'easy' | 'medium' | 'hard';
export type ClaimState = 'active' | 'submitted' | 'released' | 'expired' | 'completed' | 'reopened';

export interface NewFix {
	title: string;
	whatToDo: string;
	lon: number | null;
	lat: number | null;
	address: string;
	difficulty: Difficulty;
	tools: string;
	photoId: string | null;
	/** A report staff marked fit for volunteers; its place is the fix's place. */
	reportId: string | null;
	claimHours: number;
	points: number;
}

export interface Fix {
	id: string;
	title: string;
	whatToDo: string;
	lon: number;
	lat: number;
	wardCode: string | null;
	address: string;
	difficulty: Difficulty;
	tools: string;
	photoId: string | null;
	reportNumber: number | null;
	claimHours: number;
	points: number;
	status: 'open' | 'done' | 'cancelled';
	/** open and nobody holds it now */
	claimable: boolean;
	/** The claim that holds it (active and unexpired, or submitted), if any. */
	holder: { nickname: string; state: ClaimState; expiresAt: Date; mine: boolean } | null;
	createdAt: Date;
}

export interface FixFilter {
	wardCode?: string | null;
	difficulty?: Difficulty | null;
	/** Only fixes anyone may claim now. */
	claimableOnly?: boolean;
	near?: { lon: number; lat: number } | null;
	limit?: number;
}

export const TERMS_VERSION = '2026-12';

const fixColumns = `f.id, f.title, f.what_to_do as "whatToDo", extensions.st_x(f.location) as lon,
	extensions.st_y(f.location) as lat, w.code as "wardCode", f.address, f.difficulty, f.tools,
	f.photo_id as "photoId", r.number::int as "reportNumber", f.claim_hours as "claimHours",
	f.points, f.status, f.created_at as "createdAt",
	(f.status = 'open' and h.id is null) as claimable,
	case when h.id is null then null else jsonb_build_object('nickname', p.nickname,
		'state', h.state, 'expiresAt', h.expires_at, 'mine', h.volunteer_id = (select auth.uid())) end
		as holder`;

const fixJoins = `from public.fixes f
	left join public.areas w on w.id = f.ward_id
	left join public.reports r on r.id = f.report_id
	left join lateral (
		select c.* from public.fix_claims c
		where c.fix_id = f.id and (c.state = 'submitted' or (c.state = 'active' and c.expires_at > now()))
		limit 1) h on true
	left join public.profiles p on p.id = h.volunteer_id`;

type FixRow = Omit<Fix, 'holder'> & {
	holder: { nickname: string; state: ClaimState; expiresAt: string; mine: boolean } | null;
};

function fromRow(row: FixRow): Fix {
	return {
		...row,
		holder: row.holder ? { ...row.holder, expiresAt: new Date(row.holder.expiresAt) } : null
	};
}

/** Accepts the volunteer terms (this version) and sets the preferred wards. */
export async function becomeVolunteer(actor: Actor, wardCodes: string[]): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`select public.become_volunteer(${TERMS_VERSION}, ${wardCodes}::text[])`
	).catch(asDomainError);
}

export async function createFix(actor: Actor, input: NewFix): Promise<string> {
	const [{ id }] = await asUser(
		actor,
		(tx) => tx<{ id: string }[]>`
		select public.create_fix(${input.title}, ${input.whatToDo}, ${input.lon}, ${input.lat},
			${input.difficulty}, ${input.tools}, ${input.address}, ${input.photoId}, ${input.reportId},
			${input.claimHours}, ${input.points}) as id`
	).catch(asDomainError);
	return id;
}

/** Open fixes, nearest first when a place is given, else newest first. */
export async function list(actor: Actor | null, filter: FixFilter = {}): Promise<Fix[]> {
	const near = filter.near ?? null;
	const rows = await asUser(
		actor,
		(tx) => tx<FixRow[]>`
		select ${tx.unsafe(fixColumns)} ${tx.unsafe(fixJoins)}
		where f.status = 'open'
			${filter.wardCode ? tx`and w.code = ${filter.wardCode}` : tx``}
			${filter.difficulty ? tx`and f.difficulty = ${filter.difficulty}` : tx``}
			${filter.claimableOnly ? tx`and h.id is null` : tx``}
		order by ${
			near
				? tx`f.location operator(extensions.<->) extensions.st_setsrid(extensions.st_makepoint(${near.lon}, ${near.lat}), 4326)`
				: tx`f.created_at desc`
		}
		limit ${filter.limit ?? 100}`
	);
	return rows.map(fromRow);
}

export async function read(actor: Actor | null, id: string): Promise<Fix | null> {
	const rows = await asUser(
		actor,
		(tx) => tx<FixRow[]>`select ${tx.unsafe(fixColumns)} ${tx.unsafe(fixJoins)} where f.id = ${id}`
	);
	return rows[0] ? fromRow(rows[0]) : null;
}

export async function claim(actor: Actor, fixId: string): Promise<{ expiresAt: Date }> {
	const [row] = await asUser(
		actor,
		(tx) => tx<{ expiresAt: Date }[]>`
		select expires_at as "expiresAt" from public.claim_fix(${fixId})`
	).catch(asDomainError);
	return row;
}

export async function extend(actor: Actor, fixId: string): Promise<{ expiresAt: Date }> {
	const [row] = await asUser(
		actor,
		(tx) => tx<{ expiresAt: Date }[]>`
		select expires_at as "expiresAt" from public.extend_claim(${fixId})`
	).catch(asDomainError);
	return row;
}

export async function release(actor: Actor, fixId: string): Promise<void> {
	await asUser(actor, (tx) => tx`select public.release_claim(${fixId})`).catch(asDomainError);
}

/** The holder sends proof: an after photo, a note and the minutes spent. */
export async function complete(
	actor: Actor,
	fixId: string,
	proof: { photoId: string | null; note: string; minutes: number }
): Promise<void> {
	await asUser(
		actor,
		(tx) =>
			tx`select public.complete_fix(${fixId}, ${proof.photoId}, ${proof.note}, ${proof.minutes})`
	).catch(asDomainError);
}

/** An organiser or staff member approves, returns to the volunteer, or reopens for anyone. */
export async function verify(
	actor: Actor,
	fixId: string,
	decision: 'approve' | 'return' | 'reopen',
	reason: string | null = null
): Promise<void> {
	await asUser(actor, (tx) => tx`select public.verify_fix(${fixId}, ${decision}, ${reason})`).catch(
		asDomainError
	);
}

export interface VolunteerHistory {
	fixesDone: number;
	minutes: number;
	eventsAttended: number;
}

export async function history(actor: Actor | null, userId: string): Promise<VolunteerHistory> {
	const [row] = await asUser(
		actor,
		(tx) => tx<VolunteerHistory[]>`
		select fixes_done as "fixesDone", minutes, events_attended as "eventsAttended"
		from public.volunteer_history(${userId})`
	);
	return row;
}

export interface VolunteerTotals {
	volunteers: number;
	fixesDone: number;
	minutes: number;
	eventsHeld: number;
	attendances: number;
}

/** The city's totals of volunteering, readable by anyone: they name nobody. */
export async function totals(actor: Actor | null): Promise<VolunteerTotals> {
	const [row] = await asUser(
		actor,
		(tx) => tx<VolunteerTotals[]>`
		select volunteers, fixes_done as "fixesDone", minutes, events_held as "eventsHeld", attendances
		from public.volunteer_totals()`
	);
	return row;
}
