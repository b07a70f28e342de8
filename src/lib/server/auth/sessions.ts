import type { Cookies } from '@sveltejs/kit';
import { createHash, randomBytes } from 'node:crypto';
import { asSystem, type Tx } from '$lib/server/db';
import type { SessionUser } from './types';

export const SESSION_COOKIE = 'mq_session';

const SESSION_DAYS = 30;
// A session used in its second half is renewed, so that active people are not signed out
// while one forgotten on a shared computer still ends.
const RENEW_AFTER_DAYS = SESSION_DAYS / 2;

/** The parts of a RequestEvent that sessions read and write. */
export interface SessionEvent {
	cookies: Pick<Cookies, 'get' | 'set' | 'delete'>;
	url: URL;
	locals: Pick<App.Locals, 'user' | 'sessionId'>;
}

/** 32 random bytes: the cookie value, never stored. */
export function newSessionToken(): string {
	return randomBytes(32).toString('base64url');
}

/** The id under which a token's session is stored, so a leaked table opens no session. */
export function hashSessionToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Secure everywhere but plain-http development on this machine, where browsers would drop it. */
export function cookieIsSecure(url: URL): boolean {
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	return !(local && url.protocol === 'http:');
}

function setCookie(event: SessionEvent, token: string) {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieIsSecure(event.url),
		maxAge: SESSION_DAYS * 24 * 60 * 60
	});
}

function clearCookie(event: SessionEvent) {
	event.cookies.delete(SESSION_COOKIE, { path: '/', secure: cookieIsSecure(event.url) });
}

async function readUser(tx: Tx, userId: string): Promise<SessionUser | null> {
	const [user] = await tx<SessionUser[]>`
		select p.id, p.nickname,
			coalesce(
				(select array_agg(r.role::text order by r.role) from public.user_roles r
				where r.user_id = p.id),
				'{}'
			) as roles
		from public.profiles p where p.id = ${userId}`;
	return user ?? null;
}

/**
 * Opens a new session for a person whose identity was just proven, and sets its cookie. Any
 * session the request came with is deleted first, so a token planted before sign-in is worthless
 * after it (session fixation).
 */
export async function openSession(event: SessionEvent, userId: string): Promise<SessionUser> {
	const token = newSessionToken();
	const id = hashSessionToken(token);
	const previous = event.cookies.get(SESSION_COOKIE);

	const user = await asSystem('open session', async (tx) => {
		if (previous) await tx`delete from public.sessions where id = ${hashSessionToken(previous)}`;
		await tx`delete from public.sessions where user_id = ${userId} and expires_at <= now()`;
		await tx`
			insert into public.sessions (id, user_id, expires_at)
			values (${id}, ${userId}, now() + make_interval(days => ${SESSION_DAYS}))`;
		return readUser(tx, userId);
	});
	if (!user) throw new Error('a session was opened for an account without a profile');

	setCookie(event, token);
	event.locals.user = user;
	event.locals.sessionId = id;
	return user;
}

/** Reads the request's session: the person and the session id, or nulls (cookie cleared). */
export async function readSession(event: SessionEvent): Promise<{
	user: SessionUser | null;
	sessionId: string | null;
}> {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return { user: null, sessionId: null };

	const id = hashSessionToken(token);
	const found = await asSystem('read session', async (tx) => {
		const [session] = await tx<{ userId: string; renew: boolean }[]>`
			select user_id as "userId",
				expires_at < now() + make_interval(days => ${RENEW_AFTER_DAYS}) as renew
			from public.sessions where id = ${id} and expires_at > now()`;
		if (!session) return null;
		if (session.renew) {
			await tx`
				update public.sessions set expires_at = now() + make_interval(days => ${SESSION_DAYS})
				where id = ${id}`;
		}
		const user = await readUser(tx, session.userId);
		return user && { user, renew: session.renew };
	});

	if (!found) {
		clearCookie(event);
		return { user: null, sessionId: null };
	}
	if (found.renew) setCookie(event, token);
	return { user: found.user, sessionId: id };
}

/** Ends the request's session and clears its cookie. */
export async function closeSession(event: SessionEvent): Promise<void> {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		await asSystem(
			'close session',
			(tx) => tx`
			delete from public.sessions where id = ${hashSessionToken(token)}`
		);
	}

	clearCookie(event);
	event.locals.user = null;
	event.locals.sessionId = null;
}

/** Ends every session of a person, for example when their password changes. */
export async function revokeAllSessions(tx: Tx, userId: string): Promise<void> {
	await tx`delete from public.sessions where user_id = ${userId}`;
}
