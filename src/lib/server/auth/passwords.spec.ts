import bcrypt from 'bcryptjs';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';

const configured = process.env.BCRYPT_COST;

afterEach(() => {
	if (configured === undefined) delete process.env.BCRYPT_COST;
	else process.env.BCRYPT_COST = configured;
});

async function medianMs(work: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[2];
}

describe('passwords', () => {
	it('verifies the password it hashed and refuses any other', async () => {
		process.env.BCRYPT_COST = '4';
		const hash = await hashPassword('correct horse battery');

		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('correct horse battery!', hash)).toBe(false);
	});

	it('hashes at cost 12 unless BCRYPT_COST says otherwise', async () => {
		delete process.env.BCRYPT_COST;
		expect(await hashPassword('correct horse battery')).toMatch(/^\$2b\$12\$/);

		process.env.BCRYPT_COST = '5';
		expect(await hashPassword('correct horse battery')).toMatch(/^\$2b\$05\$/);
	});

	it('salts each hash, so equal passwords do not give equal hashes', async () => {
		process.env.BCRYPT_COST = '4';
		expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
	});

	it('accepts the $2a$ hashes that Supabase Auth (GoTrue) writes', async () => {
		const goTrueHash = bcrypt.hashSync('moved from supabase', 4).replace(/^\$2b\$/, '$2a$');

		expect(await verifyPassword('moved from supabase', goTrueHash)).toBe(true);
	});

	it('spends about one real comparison when there is no account', async () => {
		process.env.BCRYPT_COST = '10';
		const hash = await hashPassword('a real password');
		await verifyAgainstNothing('warm up');

		const real = await medianMs(() => verifyPassword('a wrong password', hash));
		const nothing = await medianMs(() => verifyAgainstNothing('a wrong password'));

		expect(await verifyAgainstNothing('anything')).toBe(false);
		expect(nothing / real).toBeGreaterThan(0.5);
		expect(nothing / real).toBeLessThan(2);
	});
});
