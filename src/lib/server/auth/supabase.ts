import { createClient, isAuthApiError, type User } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { WARD_CODES } from '$lib/schemas/account';
import { asSystem, type Tx } from '$lib/server/db';
import type { Credentials } from './local';
import {
	createProfile,
	nicknameTaken,
	refusalFromError,
	type NewProfile,
	type RegistrationRefusal
} from './profiles';

// Supabase Auth proves who the person is; the server then keeps its own session (DESIGN.md,
// decision 4). The tokens GoTrue hands back are not kept: nothing here calls Supabase on the
// person's behalf later.

export function supabaseConfigured(): boolean {
	return Boolean(process.env.SUPABASE_URL && process.env.SUPABASE_ANON_KEY);
}

// A client per call: supabase-js keeps the signed-in session inside the client, and one shared
// by concurrent requests would mix people up.
function client() {
	return createClient(process.env.SUPABASE_URL ?? '', process.env.SUPABASE_ANON_KEY ?? '', {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { fetch: quietFetch },
		// Node 20 has no global WebSocket, and supabase-js refuses to start without one.
		realtime: { transport: WebSocket as never }
	});
}

const SUPABASE_TIMEOUT_MS = 10_000;

/**
 * supabase-js prints every network failure to the console before throwing. Answering such a
 * failure as a response instead keeps it to one log line, the one handleError writes with the
 * request id. The status is 599 because supabase-js drops the body of the 5xx statuses it knows,
 * and with it the reason. The timeout keeps a hung Supabase from hanging sign-in.
 */
async function quietFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	try {
		return await fetch(input, {
			...init,
			signal: init?.signal ?? AbortSignal.timeout(SUPABASE_TIMEOUT_MS)
		});
	} catch (error) {
		const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
		const reason = cause instanceof Error ? cause.message : String(cause);
		return Response.json(
			{ error_code: 'unreachable', msg: `Supabase Auth unreachable: ${reason}` },
			{ status: 599 }
		);
	}
}

export type SupabaseRegistration =
	| { ok: true; userId: string; confirmed: boolean }
	| { ok: false; refusal: RegistrationRefusal | 'password_weak' | 'rate_limited' };

export type SupabaseVerification = string | 'invalid' | 'unconfirmed' | 'rate_limited';

/** Signs the person up with Supabase Auth, then records their profile in our database. */
export async function registerSupabase(
	credentials: Credentials,
	profile: NewProfile
): Promise<SupabaseRegistration> {
	// Checked first, so GoTrue is not left with an account whose profile we then refuse.
	if (await nicknameTaken(profile.nickname)) return { ok: false, refusal: 'nickname_taken' };

	const { data, error } = await client().auth.signUp({
		email: credentials.email,
		password: credentials.password,
		options: { data: { nickname: profile.nickname, home_ward_code: profile.homeWardCode } }
	});
	if (error) return { ok: false, refusal: signUpRefusal(error) };
	const user = data.user;
	if (!user) throw new Error('Supabase signUp answered without a user');
	// With email confirmation on, GoTrue answers an existing address with a stand-in user that
	// has no identities instead of an error.
	if (user.identities?.length === 0) return { ok: false, refusal: 'email_taken' };

	try {
		await asSystem('register account', async (tx) => {
			await mirrorAuthUser(tx, user);
			await createProfile(tx, user.id, profile);
		});
	} catch (error) {
		const refusal = refusalFromError(error);
		if (refusal) return { ok: false, refusal };
		throw error;
	}
	return { ok: true, userId: user.id, confirmed: data.session !== null };
}

function signUpRefusal(error: unknown): RegistrationRefusal | 'password_weak' | 'rate_limited' {
	if (!isAuthApiError(error)) throw error;
	if (error.code === 'user_already_exists' || error.code === 'email_exists') return 'email_taken';
	if (error.code === 'weak_password') return 'password_weak';
	if (error.status === 429) return 'rate_limited';
	throw error;
}

/** The auth.users id when Supabase accepts the password, else why not. */
export async function verifySupabase(credentials: Credentials): Promise<SupabaseVerification> {
	const { data, error } = await client().auth.signInWithPassword(credentials);
	if (error) {
		if (!isAuthApiError(error)) throw error;
		if (error.code === 'email_not_confirmed') return 'unconfirmed';
		if (error.status === 429) return 'rate_limited';
		// Older GoTrue answers {error: 'invalid_grant'} with no code, newer ones
		// {error_code: 'invalid_credentials'}; both are a 400.
		if (error.status === 400) return 'invalid';
		throw error;
	}

	await ensureProfile(data.user);
	return data.user.id;
}

/**
 * GoTrue writes auth.users in the Supabase project's database. When ours is another database
 * (the embedded one, say), the profile's foreign key still needs the row, so a copy of the id
 * and email is made; on the project itself the row exists and nothing is written.
 */
async function mirrorAuthUser(tx: Tx, user: User): Promise<void> {
	const [existing] = await tx`select 1 from auth.users where id = ${user.id}`;
	if (existing) return;
	await tx`
		insert into auth.users (id, aud, role, email, email_confirmed_at)
		values (${user.id}, 'authenticated', 'authenticated', ${user.email?.toLowerCase() ?? null},
			${user.email_confirmed_at ?? null})`;
}

/**
 * A person who signed up elsewhere (the Supabase dashboard, another app of the city) gets a
 * profile on first sign-in, from the metadata we ask for at sign-up where it is there.
 */
async function ensureProfile(user: User): Promise<void> {
	await asSystem('ensure profile', async (tx) => {
		await mirrorAuthUser(tx, user);
		const [existing] = await tx`select 1 from public.profiles where id = ${user.id}`;
		if (existing) return;

		const wanted = String(user.user_metadata?.nickname ?? '');
		const [taken] = await tx`select 1 from public.profiles where nickname = ${wanted}`;
		const fits = [...wanted].length >= 2 && [...wanted].length <= 30 && !taken;
		const ward = String(user.user_metadata?.home_ward_code ?? '');
		await createProfile(tx, user.id, {
			nickname: fits ? wanted : `reporter-${user.id.slice(0, 8)}`,
			// Chuo-ku, where the city hall is, until the person picks their own ward.
			homeWardCode: WARD_CODES.includes(ward) ? ward : '12101',
			locale: 'ja'
		});
	});
}
