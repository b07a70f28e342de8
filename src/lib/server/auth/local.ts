import { randomUUID } from 'node:crypto';
import { asSystem } from '$lib/server/db';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';
import {
	createProfile,
	refusalFromError,
	type NewProfile,
	type RegistrationRefusal
} from './profiles';
import { revokeAllSessions } from './sessions';

// Local accounts live in auth.users, shaped as GoTrue writes them, so a city that moves to
// Supabase Auth keeps them: same ids, same bcrypt hashes, lower-cased emails.

export interface Credentials {
	email: string;
	password: string;
}

export type LocalRegistration =
	{ ok: true; userId: string } | { ok: false; refusal: RegistrationRefusal };

/** Creates the account, its profile and the citizen role in one transaction. */
export async function registerLocal(
	credentials: Credentials,
	profile: NewProfile
): Promise<LocalRegistration> {
	const email = credentials.email.trim().toLowerCase();
	const hash = await hashPassword(credentials.password);

	try {
		return await asSystem('register account', async (tx) => {
			const [taken] = await tx<{ email: boolean; nickname: boolean }[]>`
				select
					exists (select 1 from auth.users where email = ${email}) as email,
					exists (select 1 from public.profiles where nickname = ${profile.nickname}) as nickname`;
			if (taken.email) return { ok: false, refusal: 'email_taken' } as const;
			if (taken.nickname) return { ok: false, refusal: 'nickname_taken' } as const;

			const userId = randomUUID();
			await tx`
				insert into auth.users
					(id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data)
				values (${userId}, 'authenticated', 'authenticated', ${email}, ${hash}, now(),
					${tx.json({ provider: 'email', providers: ['email'] })})`;
			await createProfile(tx, userId, profile);
			return { ok: true, userId } as const;
		});
	} catch (error) {
		const refusal = refusalFromError(error);
		if (refusal) return { ok: false, refusal };
		throw error;
	}
}

/** The account's id when the password matches; null otherwise, in about the same time. */
export async function verifyLocal(credentials: Credentials): Promise<string | null> {
	const email = credentials.email.trim().toLowerCase();
	const [account] = await asSystem(
		'find account',
		(tx) =>
			tx<
				{ id: string; hash: string | null }[]
			>`select id, encrypted_password as hash from auth.users where email = ${email}`
	);

	if (!account?.hash) return verifyAgainstNothing(credentials.password).then(() => null);
	return (await verifyPassword(credentials.password, account.hash)) ? account.id : null;
}

/** Sets a new password and ends every session of the account, wherever it was opened. */
export async function changeLocalPassword(userId: string, password: string): Promise<void> {
	const hash = await hashPassword(password);
	await asSystem('change password', async (tx) => {
		await tx`
			update auth.users set encrypted_password = ${hash}, updated_at = now()
			where id = ${userId}`;
		await revokeAllSessions(tx, userId);
	});
}
