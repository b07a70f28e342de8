import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '$lib/server/db';
import { changePassword } from './index';
import { registerLocal } from './local';
import {
	SESSION_COOKIE,
	closeSession,
	cookieIsSecure,
	hashSessionToken,
	openSession,
	readSession
} from './sessions';
import { fakeEvent, uniquePerson, useTestDatabase } from '$lib/server/testing';

async function newAccount(): Promise<string> {
	const person = uniquePerson('s');
	const result = await registerLocal(
		{ email: person.email, password: 'a long password' },
		{ nickname: person.nickname, homeWardCode: '12103', locale: 'ja' }
	);
	if (!result.ok) throw new Error(result.refusal);
	return result.userId;
}

async function storedSessionIds(userId: string): Promise<string[]> {
	const rows = await asSystem(
		'test',
		(tx) => tx<{ id: string }[]>`
		select id from public.sessions where user_id = ${userId}`
	);
	return rows.map((row) => row.id);
}

function tokenOf(event: ReturnType<typeof fakeEvent>): string {
	const token = event.jar.get(SESSION_COOKIE)?.value;
	if (!token) throw new Error('no session cookie');
	return token;
}

beforeAll(useTestDatabase);

describe('session tokens', () => {
	it('are 32 random bytes in base64url, stored only as their SHA-256 in hex', async () => {
		const userId = await newAccount();
		const event = fakeEvent();
		await openSession(event, userId);
		const token = tokenOf(event);

		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(Buffer.from(token, 'base64url')).toHaveLength(32);
		expect(await storedSessionIds(userId)).toEqual([
			createHash('sha256').update(token).digest('hex')
		]);
		expect(event.locals.sessionId).toBe(hashSessionToken(token));
	});

	it('differ for every session', async () => {
		const userId = await newAccount();
		const first = fakeEvent();
		const second = fakeEvent();
		await openSession(first, userId);
		await openSession(second, userId);

		expect(tokenOf(first)).not.toBe(tokenOf(second));
		expect(await storedSessionIds(userId)).toHaveLength(2);
	});
});

describe('session cookie', () => {
	it('is HttpOnly, SameSite=Lax, on every path, and Secure outside http://localhost', async () => {
		const event = fakeEvent('https://machi.example.jp/signin');
		await openSession(event, await newAccount());

		expect(event.jar.get(SESSION_COOKIE)?.options).toMatchObject({
			httpOnly: true,
			sameSite: 'lax',
			path: '/',
			secure: true
		});
	});

	it('is Secure unless the request is plain http to this machine', () => {
		expect(cookieIsSecure(new URL('http://localhost:3000/'))).toBe(false);
		expect(cookieIsSecure(new URL('http://127.0.0.1:3000/'))).toBe(false);
		expect(cookieIsSecure(new URL('https://localhost/'))).toBe(true);
		expect(cookieIsSecure(new URL('http://machi.example.jp/'))).toBe(true);
	});
});

describe('reading a session', () => {
	it('gives the person with their nickname and roles', async () => {
		const userId = await newAccount();
		const event = fakeEvent();
		const opened = await openSession(event, userId);

		const later = fakeEvent();
		later.jar.set(SESSION_COOKIE, { value: tokenOf(event), options: {} });
		const { user, sessionId } = await readSession(later);

		expect(user).toEqual({ id: userId, nickname: opened.nickname, roles: ['citizen'] });
		expect(sessionId).toBe(hashSessionToken(tokenOf(event)));
	});

	it('treats an unknown or expired token as nobody and clears the cookie', async () => {
		const userId = await newAccount();
		const event = fakeEvent();
		await openSession(event, userId);
		await asSystem(
			'test',
			(tx) => tx`
			update public.sessions set expires_at = now() - interval '1 second'
			where user_id = ${userId}`
		);

		for (const token of [tokenOf(event), 'made-up-token']) {
			const later = fakeEvent();
			later.jar.set(SESSION_COOKIE, { value: token, options: {} });
			expect(await readSession(later)).toEqual({ user: null, sessionId: null });
			expect(later.jar.has(SESSION_COOKIE)).toBe(false);
		}
	});
});

describe('ending sessions', () => {
	it('signing in again replaces the session the request came with', async () => {
		const userId = await newAccount();
		const event = fakeEvent();
		await openSession(event, userId);
		const before = tokenOf(event);

		await openSession(event, userId);

		expect(tokenOf(event)).not.toBe(before);
		expect(await storedSessionIds(userId)).toEqual([hashSessionToken(tokenOf(event))]);
	});

	it('closing a session deletes it and clears the cookie', async () => {
		const userId = await newAccount();
		const event = fakeEvent();
		await openSession(event, userId);

		await closeSession(event);

		expect(await storedSessionIds(userId)).toEqual([]);
		expect(event.jar.has(SESSION_COOKIE)).toBe(false);
		expect(event.locals.user).toBeNull();
	});

	it('changing the password ends every session and opens one for this request', async () => {
		const userId = await newAccount();
		const phone = fakeEvent();
		const laptop = fakeEvent();
		await openSession(phone, userId);
		await openSession(laptop, userId);

		await changePassword(laptop, 'another long password');

		expect(await storedSessionIds(userId)).toEqual([hashSessionToken(tokenOf(laptop))]);
		const stale = fakeEvent();
		stale.jar.set(SESSION_COOKIE, { value: tokenOf(phone), options: {} });
		expect((await readSession(stale)).user).toBeNull();
	});
});
