// What the volunteer pages read beside the fixes themselves: the person's volunteer record,
// the claims they hold, and the completions waiting for an organiser. Reads only: every write
// goes through the SQL functions named in fixes.ts.
import { asUser, type Actor } from './db';
import type { ClaimState } from './fixes';

export interface VolunteerRecord {
	termsVersion: string;
	acceptedAt: Date;
	wardCodes: string[];
}

export interface HeldClaim {
	fixId: string;
	title: string;
	state: ClaimState;
	expiresAt: Date;
	extended: boolean;
}

export interface MyClaim {
	state: ClaimState;
	expiresAt: Date;
	extended: boolean;
	/** Why an organiser sent the completion back, if they did. */
	reason: string | null;
}

export interface Submission {
	fixId: string;
	title: string;
	nickname: string;
	afterPhotoId: string;
	note: string;
	minutes: number;
	submittedAt: Date;
	reportNumber: number | null;
}

export async function readVolunteer(actor: Actor): Promise<VolunteerRecord | null> {
	const rows = await asUser(
		actor,
		(tx) => tx<VolunteerRecord[]>`
		select terms_version as "termsVersion", accepted_at as "acceptedAt", ward_codes as "wardCodes"
		from public.volunteers where user_id = ${actor.id}`
	);
	return rows[0] ?? null;
}

/** The fixes the person holds now (unexpired) or has sent for verification, soonest expiry first. */
export async function heldClaims(actor: Actor): Promise<HeldClaim[]> {
	return asUser(
		actor,
		(tx) => tx<HeldClaim[]>`
		select c.fix_id as "fixId", f.title, c.state, c.expires_at as "expiresAt", c.extended
		from public.fix_claims c join public.fixes f on f.id = c.fix_id
		where c.volunteer_id = ${actor.id}
			and (c.state = 'submitted' or (c.state = 'active' and c.expires_at > now()))
		order by c.state, c.expires_at`
	);
}

/** The person's latest claim of one fix, in whatever state, or null if they never claimed it. */
export async function myClaim(actor: Actor, fixId: string): Promise<MyClaim | null> {
	const rows = await asUser(
		actor,
		(tx) => tx<MyClaim[]>`
		select case when c.state = 'active' and c.expires_at <= now() then 'expired' else c.state end
			as state, c.expires_at as "expiresAt", c.extended, c.reason
		from public.fix_claims c
		where c.fix_id = ${fixId} and c.volunteer_id = ${actor.id}
		order by c.claimed_at desc limit 1`
	);
	return rows[0] ?? null;
}

/** Completions waiting for verification, oldest first (organisers and staff). */
export async function submissions(actor: Actor): Promise<Submission[]> {
	return asUser(
		actor,
		(tx) => tx<Submission[]>`
		select f.id as "fixId", f.title, p.nickname, c.after_photo_id as "afterPhotoId", c.note,
			c.minutes, c.submitted_at as "submittedAt", r.number::int as "reportNumber"
		from public.fix_claims c
		join public.fixes f on f.id = c.fix_id
		join public.profiles p on p.id = c.volunteer_id
		left join public.reports r on r.id = f.report_id
		where c.state = 'submitted'
		order by c.submitted_at
		limit 100`
	);
}

export interface OfferableReport {
	number: number;
	categoryJa: string;
	categoryEn: string;
	description: string;
	address: string;
}

/** Open reports that staff marked fit for volunteers and that no fix was made from yet. */
export async function offerableReports(actor: Actor): Promise<OfferableReport[]> {
	return asUser(
		actor,
		(tx) => tx<OfferableReport[]>`
		select r.number::int as number, c.name_ja as "categoryJa", c.name_en as "categoryEn",
			r.description, r.address
		from public.reports r join public.categories c on c.id = r.category_id
		where r.fit_for_volunteers and r.status in ('received', 'in_progress')
			and not exists (select 1 from public.fixes f where f.report_id = r.id)
		order by r.created_at
		limit 50`
	);
}
