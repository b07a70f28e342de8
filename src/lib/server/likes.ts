import { asUser, type Actor } from './db';
import { asDomainError } from './errors';

export interface LikeResult {
	/** The entry's likes after the change. */
	likes: number;
	/** Like points written to the author's ledger by this call: positive for a like, negative for taking one back. */
	points: number;
}

/**
 * Likes someone else's approved entry, once. Liking twice changes nothing. Refusals arrive as
 * DomainError (`like_own_entry`, `like_not_found`, `sign_in_required`).
 */
export async function like(actor: Actor, entryId: string): Promise<LikeResult> {
	const [row] = await asUser(
		actor,
		(tx) => tx<{ likes: number; awarded: number }[]>`
		select likes, awarded from public.like_entry(${entryId})`
	).catch(asDomainError);
	return { likes: row.likes, points: row.awarded };
}

/** Takes the person's like back; without a like, changes nothing. */
export async function unlike(actor: Actor, entryId: string): Promise<LikeResult> {
	const [row] = await asUser(
		actor,
		(tx) => tx<{ likes: number; withdrawn: number }[]>`
		select likes, withdrawn from public.unlike_entry(${entryId})`
	).catch(asDomainError);
	return { likes: row.likes, points: -row.withdrawn };
}
