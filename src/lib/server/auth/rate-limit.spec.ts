import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '$lib/server/db';
import {
	attemptKeys,
	clearAccountFailures,
	clientAddress,
	isSignInLimited,
	recordSignInFailure
} from './rate-limit';
import { fakeEvent, uniquePerson, useTestDatabase } from '$lib/server/testing';

let addressCounter = 0;

/** A documentation-range address (RFC 5737) that no other test shares. */
function freshAddress(): string {
	addressCounter += 1;
	return `198.51.100.${addressCounter}`;
}

async function fail(times: number, email: string, address: string) {
	for (let i = 0; i < times; i++) await recordSignInFailure(attemptKeys(email, address));
}

beforeAll(useTestDatabase);

afterEach(() => {
	delete process.env.TRUSTED_PROXY;
});

describe('sign-in rate limit', () => {
	it('lets an account fail four times and refuses it after the fifth', async () => {
		const { email } = uniquePerson('r');
		await fail(4, email, freshAddress());
		expect(await isSignInLimited(attemptKeys(email, freshAddress()))).toBe(false);

		await fail(1, email, freshAddress());
		expect(await isSignInLimited(attemptKeys(email, freshAddress()))).toBe(true);
	});

	it('counts an account the same whatever the case of its email', async () => {
		const { email } = uniquePerson('r');
		await fail(5, email.toUpperCase(), freshAddress());

		expect(await isSignInLimited(attemptKeys(email, freshAddress()))).toBe(true);
	});

	it('refuses a client address after twenty failures, whichever accounts they were for', async () => {
		const address = freshAddress();
		for (let i = 0; i < 19; i++) await fail(1, uniquePerson('r').email, address);
		expect(await isSignInLimited(attemptKeys(uniquePerson('r').email, address))).toBe(false);

		await fail(1, uniquePerson('r').email, address);
		expect(await isSignInLimited(attemptKeys(uniquePerson('r').email, address))).toBe(true);
	});

	it('forgets failures older than fifteen minutes', async () => {
		const { email } = uniquePerson('r');
		const keys = attemptKeys(email, freshAddress());
		await fail(5, email, freshAddress());
		await asSystem(
			'test',
			(tx) => tx`
			update public.sign_in_attempts set attempted_at = now() - interval '16 minutes'
			where key = ${keys.account}`
		);

		expect(await isSignInLimited(keys)).toBe(false);
	});

	it("after a success the account's failures are cleared but the address's still count", async () => {
		const { email } = uniquePerson('r');
		const address = freshAddress();
		await fail(4, email, address);

		await clearAccountFailures(attemptKeys(email, address));

		const [counts] = await asSystem(
			'test',
			(tx) => tx<{ account: number; address: number }[]>`
			select count(*) filter (where key = ${attemptKeys(email, address).account})::int as account,
				count(*) filter (where key = ${attemptKeys(email, address).address})::int as address
			from public.sign_in_attempts`
		);
		expect(counts).toEqual({ account: 0, address: 4 });
	});

	it('keeps no email address in the attempts table, only a hash of it', async () => {
		const { email } = uniquePerson('r');
		await fail(1, email, freshAddress());

		const rows = await asSystem(
			'test',
			(tx) => tx<{ key: string }[]>`
			select key from public.sign_in_attempts where key like 'account:%'`
		);
		expect(rows.some((row) => row.key.includes(email))).toBe(false);
		expect(rows.every((row) => /^account:[0-9a-f]{64}$/.test(row.key))).toBe(true);
	});
});

describe('client address', () => {
	function forwarded(header: string) {
		const event = fakeEvent('http://localhost:3000/signin', '10.0.0.2');
		event.request.headers.set('x-forwarded-for', header);
		return event;
	}

	it('ignores X-Forwarded-For unless TRUSTED_PROXY is set', () => {
		expect(clientAddress(forwarded('192.0.2.9'))).toBe('10.0.0.2');
	});

	it('with TRUSTED_PROXY takes the address written by the outermost trusted proxy', () => {
		process.env.TRUSTED_PROXY = '1';
		expect(clientAddress(forwarded('1.2.3.4, 192.0.2.9'))).toBe('192.0.2.9');

		process.env.TRUSTED_PROXY = '2';
		expect(clientAddress(forwarded('1.2.3.4, 192.0.2.9, 10.0.0.1'))).toBe('192.0.2.9');
	});

	it('falls back to the connection address when the header is missing', () => {
		process.env.TRUSTED_PROXY = '1';
		expect(clientAddress(fakeEvent('http://localhost:3000/', '10.0.0.2'))).toBe('10.0.0.2');
	});
});
