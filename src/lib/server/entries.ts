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
	status: 'pending' | 'approved' | 'rejected';
	lon: number;
	lat: number;
	createdAt: Date;
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
	e.created_at as "createdAt"`;

/** Approved entries of a campaign, newest first, one page at a time. */
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
			order by e.created_at desc, e.id
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

export async function moderate(
	actor: Actor,
	entryId: string,
	decision: 'approved' | 'rejected'
): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`select id from public.moderate_entry(${entryId}, ${decision})`
	).catch(asDomainError);
}
