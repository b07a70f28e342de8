/**
 * Accounts: who the person is gets proven by local accounts (default) or by Supabase Auth when
 * SUPABASE_URL and SUPABASE_ANON_KEY are set; either way the server then opens its own session.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { changeLocalPassword, registerLocal, verifyLocal, type Credentials } from './local';
import type { NewProfile } from './profiles';
import {
	attemptKeys,
	clearAccountFailures,
	clientAddress,
	isSignInLimited,
	recordSignInFailure
} from './rate-limit';
import { closeSession, openSession, readSession, type SessionEvent } from './sessions';
import { registerSupabase, supabaseConfigured, verifySupabase } from './supabase';
import type { SessionUser } from './types';

export type { SessionUser } from './types';
export type { Credentials } from './local';
export type { NewProfile } from './profiles';
export { TERMS_VERSION } from './profiles';

/** The parts of a RequestEvent that signing in and out need. */
export type AuthEvent = SessionEvent & Pick<RequestEvent, 'getClientAddress' | 'request'>;

export type IdentityProvider = 'local' | 'supabase';

export function identityProvider(): IdentityProvider {
	return supabaseConfigured() ? 'supabase' : 'local';
}

export type RegisterOutcome =
	| { ok: true; user: SessionUser }
	// Supabase projects that require email confirmation: the account exists, no session yet.
	| { ok: true; user: null }
	| { ok: false; reason: 'email_taken' | 'nickname_taken' | 'password_weak' | 'rate_limited' };

/** Registers a reporter and, once the account may sign in, signs them in. */
export async function register(
	event: AuthEvent,
	credentials: Credentials,
	profile: NewProfile
): Promise<RegisterOutcome> {
	if (identityProvider() === 'supabase') {
		const result = await registerSupabase(credentials, profile);
		if (!result.ok) return { ok: false, reason: result.refusal };
		if (!result.confirmed) return { ok: true, user: null };
		return { ok: true, user: await openSession(event, result.userId) };
	}

	const result = await registerLocal(credentials, profile);
	if (!result.ok) return { ok: false, reason: result.refusal };
	return { ok: true, user: await openSession(event, result.userId) };
}

export type SignInOutcome =
	| { ok: true; user: SessionUser }
	| { ok: false; reason: 'invalid' | 'rate_limited' | 'unconfirmed' };

/**
 * Signs a person in. An unknown email and a wrong password give the same answer, in about the
 * same time, so nobody can learn from this form who has an account.
 */
export async function signIn(event: AuthEvent, credentials: Credentials): Promise<SignInOutcome> {
	const keys = attemptKeys(credentials.email, clientAddress(event));
	if (await isSignInLimited(keys)) return { ok: false, reason: 'rate_limited' };

	const verified =
		identityProvider() === 'supabase'
			? await verifySupabase(credentials)
			: ((await verifyLocal(credentials)) ?? 'invalid');
	if (verified === 'rate_limited' || verified === 'unconfirmed') {
		return { ok: false, reason: verified };
	}
	if (verified === 'invalid') {
		await recordSignInFailure(keys);
		return { ok: false, reason: 'invalid' };
	}

	await clearAccountFailures(keys);
	return { ok: true, user: await openSession(event, verified) };
}

/** Ends the request's session. */
export function signOut(event: SessionEvent): Promise<void> {
	return closeSession(event);
}

/** The person behind the request's session cookie, with the session id; used by the hooks. */
export function getSessionUser(event: SessionEvent) {
	return readSession(event);
}

/**
 * Changes a local account's password: every session of the account ends, on every device, and
 * this request gets a fresh one. With Supabase Auth, passwords change through Supabase.
 */
export async function changePassword(event: SessionEvent, password: string): Promise<SessionUser> {
	const user = event.locals.user;
	if (!user) throw new Error('changing a password needs a signed-in person');
	if (identityProvider() === 'supabase') {
		throw new Error('with Supabase Auth, passwords change through Supabase');
	}

	await changeLocalPassword(user.id, password);
	return openSession(event, user.id);
}
