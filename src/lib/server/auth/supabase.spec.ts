import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asSystem } from '$lib/server/db';
import { identityProvider, register, signIn } from './index';
import { fakeEvent, uniquePerson, useTestDatabase } from '$lib/server/testing';

// Only Supabase's HTTP API is stood in for; the database, sessions and rate limits are real.
// Bodies follow GoTrue's documented answers for POST /auth/v1/signup and
// POST /auth/v1/token?grant_type=password.

interface StubAccount {
	id: string;
	email: string;
	password: string;
	metadata: Record<string, unknown>;
}

type WrongPasswordShape = 'legacy' | 'current';

const stub = {
	accounts: new Map<string, StubAccount>(),
	requests: [] as { path: string; body: Record<string, unknown> }[],
	confirmEmail: false,
	wrongPassword: 'current' as WrongPasswordShape,
	down: false
};

function goTrueUser(account: StubAccount) {
	const now = new Date().toISOString();
	return {
		id: account.id,
		aud: 'authenticated',
		role: 'authenticated',
		email: account.email,
		email_confirmed_at: stub.confirmEmail ? null : now,
		phone: '',
		confirmation_sent_at: stub.confirmEmail ? now : undefined,
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: account.metadata,
		identities: [
			{
				identity_id: randomUUID(),
				id: account.id,
				user_id: account.id,
				identity_data: { email: account.email, sub: account.id },
				provider: 'email',
				created_at: now,
				updated_at: now
			}
		],
		created_at: now,
		updated_at: now,
		is_anonymous: false
	};
}

function goTrueSession(account: StubAccount) {
	const expiresAt = Math.floor(Date.now() / 1000) + 3600;
	const claims = { sub: account.id, email: account.email, role: 'authenticated', exp: expiresAt };
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return {
		access_token: `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`,
		token_type: 'bearer',
		expires_in: 3600,
		expires_at: expiresAt,
		refresh_token: randomUUID().replaceAll('-', '').slice(0, 12),
		user: goTrueUser(account)
	};
}

function send(response: ServerResponse, status: number, body: object, headers = {}) {
	response.writeHead(status, { 'content-type': 'application/json', ...headers });
	response.end(JSON.stringify(body));
}

function answer(path: string, body: Record<string, unknown>, response: ServerResponse) {
	stub.requests.push({ path, body });
	if (stub.down) return send(response, 503, { message: 'Service Unavailable' });
	const email = String(body.email).toLowerCase();
	const account = stub.accounts.get(email);

	if (path === '/auth/v1/signup') {
		if (account) {
			return send(response, 422, {
				code: 422,
				error_code: 'user_already_exists',
				msg: 'User already registered'
			});
		}
		const metadata = (body.data as Record<string, unknown>) ?? {};
		const created = { id: randomUUID(), email, password: String(body.password), metadata };
		stub.accounts.set(email, created);
		// With confirmations on, GoTrue answers with the user alone and no session.
		return send(response, 200, stub.confirmEmail ? goTrueUser(created) : goTrueSession(created));
	}

	if (path === '/auth/v1/token?grant_type=password') {
		if (account && account.password === body.password) {
			return send(response, 200, goTrueSession(account));
		}
		if (stub.wrongPassword === 'legacy') {
			return send(response, 400, {
				error: 'invalid_grant',
				error_description: 'Invalid login credentials'
			});
		}
		return send(
			response,
			400,
			{ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' },
			{ 'x-supabase-api-version': '2024-01-01' }
		);
	}
	send(response, 404, { code: 404, error_code: 'not_found', msg: 'not found' });
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
	let text = '';
	for await (const chunk of request) text += chunk;
	return text ? JSON.parse(text) : {};
}

let server: Server;

beforeAll(async () => {
	await useTestDatabase();
	server = createServer((request, response) => {
		void readBody(request).then((body) => answer(request.url ?? '', body, response));
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	process.env.SUPABASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	process.env.SUPABASE_ANON_KEY = 'anon-key-for-tests';
});

afterAll(async () => {
	delete process.env.SUPABASE_URL;
	delete process.env.SUPABASE_ANON_KEY;
	await new Promise((done) => server.close(done));
});

beforeEach(() => {
	stub.requests = [];
	stub.confirmEmail = false;
	stub.wrongPassword = 'current';
	stub.down = false;
});

async function registerThroughSupabase() {
	const person = uniquePerson('sb');
	const event = fakeEvent();
	const outcome = await register(
		event,
		{ email: person.email, password: 'a long password' },
		{ nickname: person.nickname, homeWardCode: '12104', locale: 'en' }
	);
	return { person, event, outcome, account: stub.accounts.get(person.email) };
}

describe('accounts with Supabase Auth', () => {
	it('is the identity provider when SUPABASE_URL and SUPABASE_ANON_KEY are set', () => {
		expect(identityProvider()).toBe('supabase');
	});

	it('registers through Supabase, then opens our own session for the GoTrue user id', async () => {
		const { person, event, outcome, account } = await registerThroughSupabase();

		expect(stub.requests[0]).toMatchObject({
			path: '/auth/v1/signup',
			body: { email: person.email, data: { nickname: person.nickname, home_ward_code: '12104' } }
		});
		expect(outcome).toMatchObject({ ok: true, user: { id: account?.id, roles: ['citizen'] } });
		expect(event.jar.get('mq_session')?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const [row] = await asSystem(
			'test',
			(tx) => tx`
			select u.encrypted_password, p.nickname, p.locale from auth.users u
			join public.profiles p on p.id = u.id where u.id = ${account?.id ?? null}`
		);
		expect(row).toEqual({ encrypted_password: null, nickname: person.nickname, locale: 'en' });
	});

	it('opens no session while Supabase waits for the email to be confirmed', async () => {
		stub.confirmEmail = true;

		const { event, outcome } = await registerThroughSupabase();

		expect(outcome).toEqual({ ok: true, user: null });
		expect(event.jar.has('mq_session')).toBe(false);
	});

	it('refuses an email Supabase already has as a field error', async () => {
		const { person } = await registerThroughSupabase();

		const again = await register(
			fakeEvent(),
			{ email: person.email, password: 'a long password' },
			{ nickname: uniquePerson('sb').nickname, homeWardCode: '12101', locale: 'ja' }
		);

		expect(again).toEqual({ ok: false, reason: 'email_taken' });
	});

	it('refuses a nickname in use without asking Supabase to create an account', async () => {
		const { person } = await registerThroughSupabase();
		stub.requests = [];

		const outcome = await register(
			fakeEvent(),
			{ email: uniquePerson('sb').email, password: 'a long password' },
			{ nickname: person.nickname, homeWardCode: '12101', locale: 'ja' }
		);

		expect(outcome).toEqual({ ok: false, reason: 'nickname_taken' });
		expect(stub.requests).toEqual([]);
	});

	it('signs in through Supabase and opens our session for that user', async () => {
		const { person, account } = await registerThroughSupabase();
		const event = fakeEvent();

		const outcome = await signIn(event, { email: person.email, password: 'a long password' });

		expect(stub.requests.at(-1)?.path).toBe('/auth/v1/token?grant_type=password');
		expect(outcome).toMatchObject({ ok: true, user: { id: account?.id } });
		expect(event.locals.user?.nickname).toBe(person.nickname);
	});

	it.each<WrongPasswordShape>(['legacy', 'current'])(
		'treats a %s-shaped wrong-password answer as incorrect credentials and counts it',
		async (shape) => {
			stub.wrongPassword = shape;
			const { person } = await registerThroughSupabase();
			const address = shape === 'legacy' ? '192.0.2.201' : '192.0.2.202';

			const outcome = await signIn(fakeEvent(undefined, address), {
				email: person.email,
				password: 'not the password'
			});

			expect(outcome).toEqual({ ok: false, reason: 'invalid' });
			const [row] = await asSystem(
				'test',
				(tx) => tx<{ count: number }[]>`
				select count(*)::int as count from public.sign_in_attempts
				where key = ${`address:${address}`}`
			);
			expect(row.count).toBe(1);
		}
	);

	it('gives a person who signed up outside this app a profile on first sign-in', async () => {
		const email = uniquePerson('outside').email;
		const id = randomUUID();
		stub.accounts.set(email, { id, email, password: 'made elsewhere', metadata: {} });

		const outcome = await signIn(fakeEvent(), { email, password: 'made elsewhere' });

		expect(outcome).toMatchObject({
			ok: true,
			user: { id, nickname: `reporter-${id.slice(0, 8)}`, roles: ['citizen'] }
		});
	});

	it('lets an unreachable Supabase surface as an error, not as a wrong password', async () => {
		const { person } = await registerThroughSupabase();
		const working = process.env.SUPABASE_URL;
		process.env.SUPABASE_URL = 'http://127.0.0.1:9';

		try {
			await expect(
				signIn(fakeEvent(), { email: person.email, password: 'a long password' })
			).rejects.toThrow(/unreachable/);
		} finally {
			process.env.SUPABASE_URL = working;
		}
	});

	it('lets a Supabase outage surface as an error, not as a wrong password', async () => {
		const { person } = await registerThroughSupabase();
		stub.down = true;

		await expect(
			signIn(fakeEvent(), { email: person.email, password: 'a long password' })
		).rejects.toThrow();
	});
});
