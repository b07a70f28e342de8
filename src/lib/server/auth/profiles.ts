import { asUser, type Tx } from '$lib/server/db';

/** The version of the terms a person accepts when registering; stored with their profile. */
export const TERMS_VERSION = '2026-12-01';

export interface NewProfile {
	nickname: string;
	homeWardCode: string;
	locale: 'ja' | 'en';
}

/** What a registration can be refused for, by the field the person must change. */
export type RegistrationRefusal = 'email_taken' | 'nickname_taken';

export async function nicknameTaken(nickname: string): Promise<boolean> {
	const [row] = await asUser(
		null,
		(tx) => tx<{ taken: boolean }[]>`
		select exists (select 1 from public.profiles where nickname = ${nickname}) as taken`
	);
	return row.taken;
}

/** A new reporter's public profile and their first application role, citizen. */
export async function createProfile(tx: Tx, userId: string, profile: NewProfile): Promise<void> {
	await tx`
		insert into public.profiles (id, nickname, home_ward_code, locale, terms_version)
		values (${userId}, ${profile.nickname}, ${profile.homeWardCode}, ${profile.locale},
			${TERMS_VERSION})`;
	await tx`
		insert into public.user_roles (user_id, role) values (${userId}, 'citizen')
		on conflict do nothing`;
}

/**
 * Which field a unique violation from registration belongs to (the nickname or the email), or
 * null when the error is something else. Two people registering the same name at once get here
 * past the friendly check.
 */
export function refusalFromError(error: unknown): RegistrationRefusal | null {
	const pg = error as { code?: string; constraint_name?: string };
	if (pg?.code !== '23505') return null;
	if (pg.constraint_name?.includes('nickname')) return 'nickname_taken';
	if (pg.constraint_name?.includes('email')) return 'email_taken';
	return null;
}
