import { asUser, type Actor } from './db';
import { asDomainError } from './errors';

export interface NewEntry {
	campaignId: string;
	photoId: string;
	lon: number;
	lat: number;
	comment: string;
	/** Chosen by the client, so that a double tap or a retry creates one entry. */
	idempotencyKey: string | null;
}

export interface Entry {
	id: string;
	campaignId: string;
	photoId: string;
	nickname: string;
	comment: string;
	status: 'pending' | 'approved' | 'rejected' | 'hidden';
	lon: number;
	lat: number;
	createdAt: Date;
	/** Featured by an organiser: shown first in the gallery, with a label. */
	featured: boolean;
	likeCount: number;
	/** Whether the person asking has liked it (false for visitors). */
	likedByMe: boolean;
	/** Why an organiser rejected or hid it; only its author and organisers can read entries that have one. */
	moderationReason: string | null;
}

export interface GalleryPage {
	entries: Entry[];
	total: number;
	page: number;
	pageCount: number;
}

/**
 * Sends an entry. The database function checks the period, the area and the photo; its
 * refusals arrive as DomainError (`campaign_not_open`, `outside_area`, `photo_missing`).
 */
export async function submit(
	actor: Actor,
	input: NewEntry
): Promise<{ id: string; status: string }> {
	const rows = await asUser(
		actor,
		(tx) => tx<{ id: string; status: string }[]>`
		select id, status from public.submit_entry(${input.campaignId}, ${input.photoId},
			${input.lon}, ${input.lat}, ${input.comment}, ${input.idempotencyKey})`
	).catch(asDomainError);
	return rows[0];
}

const entryColumns = `e.id, e.campaign_id as "campaignId", e.photo_id as "photoId", p.nickname,
	e.comment, e.status, extensions.st_x(e.location) as lon, extensions.st_y(e.location) as lat,
	e.created_at as "createdAt", e.featured_at is not null as featured, e.like_count as "likeCount",
	exists (select 1 from public.entry_likes l where l.entry_id = e.id and l.user_id = (select auth.uid()))
		as "likedByMe",
	e.moderation_reason as "moderationReason"`;

/** Approved entries of a campaign, featured ones first, then newest first, one page at a time. */
export async function gallery(
	actor: Actor | null,
	campaignId: string,
	page = 1,
	pageSize = 24
): Promise<GalleryPage> {
	return asUser(actor, async (tx) => {
		const [{ total }] = await tx<{ total: number }[]>`
			select count(*)::int as total from public.entries
			where campaign_id = ${campaignId} and status = 'approved'`;
		const pageCount = Math.max(1, Math.ceil(total / pageSize));
		const current = Math.min(Math.max(1, page), pageCount);
		const entries = await tx<Entry[]>`
			select ${tx.unsafe(entryColumns)} from public.entries e
			join public.profiles p on p.id = e.user_id
			where e.campaign_id = ${campaignId} and e.status = 'approved'
			order by e.featured_at is null, e.featured_at desc, e.created_at desc, e.id
			limit ${pageSize} offset ${(current - 1) * pageSize}`;
		return { entries, total, page: current, pageCount };
	});
}

/** Entries waiting for an organiser's decision. */
export async function awaitingModeration(actor: Actor, campaignId: string): Promise<Entry[]> {
	return asUser(
		actor,
		(tx) => tx<Entry[]>`
		select ${tx.unsafe(entryColumns)} from public.entries e
		join public.profiles p on p.id = e.user_id
		where e.campaign_id = ${campaignId} and e.status = 'pending'
		order by e.created_at`
	);
}

/** The person's own entries in a campaign, whatever their status. */
export async function mine(actor: Actor, campaignId: string): Promise<Entry[]> {
	return asUser(
		actor,
		(tx) => tx<Entry[]>`
		select ${tx.unsafe(entryColumns)} from public.entries e
		join public.profiles p on p.id = e.user_id
		where e.campaign_id = ${campaignId} and e.user_id = ${actor.id}
		order by e.created_at desc`
	);
}

/**
 * An organiser's decision on an entry. A rejection may carry a reason (up to 500 characters),
 * which the entrant sees; refusals arrive as DomainError (`moderation_closed`,
 * `moderation_reason_too_long`, `not_allowed`).
 */
export async function moderate(
	actor: Actor,
	entryId: string,
	decision: 'approved' | 'rejected',
	reason: string | null = null
): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`select id from public.moderate_entry(${entryId}, ${decision}, ${reason})`
	).catch(asDomainError);
}

/** Features an approved entry (first in the gallery) or stops featuring it. */
export async function feature(actor: Actor, entryId: string, featured: boolean): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`select id from public.feature_entry(${entryId}, ${featured})`
	).catch(asDomainError);
}

/**
 * Takes an entry out of the public gallery; an approved one gives back the points it earned.
 * The reason is shown to the entrant.
 */
export async function hide(actor: Actor, entryId: string, reason: string | null): Promise<void> {
	await asUser(actor, (tx) => tx`select id from public.hide_entry(${entryId}, ${reason})`).catch(
		asDomainError
	);
}

export interface DriveReport {
	entryId: string;
	number: number;
	status: string;
	categoryCode: string;
	categoryJa: string;
	categoryEn: string;
	createdAt: Date;
}

/** The reports a report drive counted as entries, newest first. */
export async function driveReports(
	actor: Actor | null,
	campaignId: string,
	size = 24
): Promise<DriveReport[]> {
	return asUser(
		actor,
		(tx) => tx<DriveReport[]>`
		select entry_id as "entryId", report_number::int as number, status,
			category_code as "categoryCode", category_ja as "categoryJa", category_en as "categoryEn",
			created_at as "createdAt"
		from public.campaign_reports(${campaignId}, ${size})`
	);
}
