// Keys of other systems that file reports through Open311. Admins create, list and revoke them;
// row-level security keeps the table to admins. The key is shown once: only its SHA-256 is kept.
import { randomBytes } from 'node:crypto';
import { asUser, type Actor } from './db';
import { asDomainError } from './errors';

export interface ApiKey {
	id: string;
	label: string;
	/** The key's first characters, to tell keys apart. */
	prefix: string;
	createdByNickname: string | null;
	createdAt: Date;
	revokedAt: Date | null;
	lastUsedAt: Date | null;
}

/** Characters of the key shown in the list. */
const PREFIX_LENGTH = 8;

/** Newest first, revoked ones too (they say which key filed older reports). */
export async function list(actor: Actor): Promise<ApiKey[]> {
	return asUser(
		actor,
		(tx) => tx<ApiKey[]>`
		select k.id, k.label, k.key_prefix as prefix, p.nickname as "createdByNickname",
			k.created_at as "createdAt", k.revoked_at as "revokedAt", k.last_used_at as "lastUsedAt"
		from public.api_keys k left join public.profiles p on p.id = k.created_by
		order by k.created_at desc, k.id`
	);
}

/**
 * Creates a key for another system and returns it: the only time anyone sees it. 32 random
 * bytes, base64url; the database keeps its SHA-256, computed there so that the check in
 * `create_open311_report` hashes exactly the same way.
 */
export async function create(actor: Actor, label: string): Promise<{ id: string; key: string }> {
	const key = `mq_${randomBytes(32).toString('base64url')}`;
	const [row] = await asUser(
		actor,
		(tx) => tx<{ id: string }[]>`
		insert into public.api_keys (label, key_hash, key_prefix, created_by)
		values (${label.trim()}, encode(sha256(convert_to(${key}, 'UTF8')), 'hex'),
			${key.slice(0, PREFIX_LENGTH)}, ${actor.id})
		returning id`
	).catch(asDomainError);
	return { id: row.id, key };
}

/** Revokes an active key and returns its label; null when there is no such active key. */
export async function revoke(actor: Actor, id: string): Promise<string | null> {
	const [row] = await asUser(
		actor,
		(tx) => tx<{ label: string }[]>`
		update public.api_keys set revoked_at = now(), revoked_by = ${actor.id}
		where id = ${id} and revoked_at is null
		returning label`
	).catch(asDomainError);
	return row?.label ?? null;
}
