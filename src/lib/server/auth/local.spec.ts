import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '$lib/server/db';
import { register, signIn } from './index';
import { fakeEvent, uniquePerson, useTestDatabase } from '$lib/server/testing';

const ward = { homeWardCode: '12106', locale: 'ja' as const };

async function registered(password = 'a long password') {
	const person = uniquePerson('l');
	const outcome = await register(
		fakeEvent(),
		{ email: person.email, password },
		{ nickname: person.nickname, ...ward }
	);
	if (!outcome.ok || !outcome.user) throw new Error('registration failed');
	return { ...person, password, id: outcome.user.id };
}

async function accountsWithEmail(email: string): Promise<number> {
	const [row] = await asSystem(
		'test',
		(tx) => tx<{ count: number }[]>`
		select count(*)::int as count from auth.users where lower(email) = lower(${email})`
	);
	return row.count;
}

beforeAll(useTestDatabase);

describe('registration with a local account', () => {
	it('creates the account, its profile and the citizen role, and signs the person in', async () => {
		const person = uniquePerson('l');
		const event = fakeEvent();

		const outcome = await register(
			event,
			{ email: person.email, password: 'a long password' },
			{ nickname: person.nickname, ...ward }
		);

		expect(outcome).toMatchObject({ ok: true, user: { nickname: person.nickname } });
		const id = event.locals.user?.id;
		const [row] = await asSystem(
			'test',
			(tx) => tx`
			select p.nickname, p.home_ward_code, p.terms_version, array_agg(r.role::text) as roles
			from public.profiles p join public.user_roles r on r.user_id = p.id
			where p.id = ${id ?? null} group by p.id`
		);
		expect(row).toMatchObject({ nickname: person.nickname, home_ward_code: '12106' });
		expect(row.terms_version).toBeTruthy();
		expect(row.roles).toEqual(['citizen']);
	});

	it('stores the email lower-cased and the password only as a bcrypt hash', async () => {
		const person = uniquePerson('L');
		await register(
			fakeEvent(),
			{ email: person.email.toUpperCase(), password: 'a long password' },
			{ nickname: person.nickname, ...ward }
		);

		const [row] = await asSystem(
			'test',
			(tx) => tx`
			select email, encrypted_password from auth.users where lower(email) = ${person.email.toLowerCase()}`
		);
		expect(row.email).toBe(person.email.toLowerCase());
		expect(row.encrypted_password).toMatch(/^\$2b\$\d\d\$/);
		expect(row.encrypted_password).not.toContain('a long password');
	});

	it('refuses an email that already has an account, whatever its case', async () => {
		const existing = await registered();

		const outcome = await register(
			fakeEvent(),
			{ email: existing.email.toUpperCase(), password: 'a long password' },
			{ nickname: uniquePerson('l').nickname, ...ward }
		);

		expect(outcome).toEqual({ ok: false, reason: 'email_taken' });
	});

	it('refuses a nickname in use and leaves no half-made account behind', async () => {
		const existing = await registered();
		const newcomer = uniquePerson('l');

		const outcome = await register(
			fakeEvent(),
			{ email: newcomer.email, password: 'a long password' },
			{ nickname: existing.nickname, ...ward }
		);

		expect(outcome).toEqual({ ok: false, reason: 'nickname_taken' });
		expect(await accountsWithEmail(newcomer.email)).toBe(0);
	});
});

describe('signing in with a local account', () => {
	it('opens a session for the right password, whatever the case of the email', async () => {
		const person = await registered();
		const event = fakeEvent();

		const outcome = await signIn(event, {
			email: person.email.toUpperCase(),
			password: person.password
		});

		expect(outcome).toMatchObject({ ok: true, user: { id: person.id } });
		expect(event.locals.user?.id).toBe(person.id);
	});

	it('answers an unknown email exactly as a wrong password', async () => {
		const person = await registered();

		const wrongPassword = await signIn(fakeEvent(), {
			email: person.email,
			password: 'not the password'
		});
		const unknownEmail = await signIn(fakeEvent(), {
			email: uniquePerson('nobody').email,
			password: person.password
		});

		expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' });
		expect(unknownEmail).toEqual(wrongPassword);
	});

	it('refuses even the right password after five failures for the account', async () => {
		const person = await registered();
		for (let i = 0; i < 5; i++) {
			const address = `192.0.2.${i + 1}`;
			await signIn(fakeEvent(undefined, address), { email: person.email, password: 'wrong one' });
		}

		const outcome = await signIn(fakeEvent(undefined, '192.0.2.99'), {
			email: person.email,
			password: person.password
		});

		expect(outcome).toEqual({ ok: false, reason: 'rate_limited' });
	});
});
