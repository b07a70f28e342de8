import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { registerSchema, signInSchema } from './account';

const valid = {
	email: ' Hanako@Example.JP ',
	password: 'ten chars!',
	nickname: 'はなこ',
	homeWardCode: '12103',
	terms: true
};

function messages(input: Record<string, unknown>, schema: z.ZodType = registerSchema) {
	const result = schema.safeParse(input);
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

/** Runs `work` the way a request to `url` would, with the locale its URL gives. */
async function inRequestTo<T>(url: string, work: () => T): Promise<T> {
	let result: T | undefined;
	await paraglideMiddleware(new Request(url), () => {
		result = work();
		return new Response();
	});
	return result as T;
}

describe('register schema', () => {
	it('accepts a complete registration and lower-cases and trims the email', () => {
		const result = registerSchema.parse(valid);

		expect(result.email).toBe('hanako@example.jp');
	});

	it('gives each refused field its own message, in Japanese by default', () => {
		const refused = messages({
			email: 'not an email',
			password: 'short',
			nickname: 'x',
			homeWardCode: '',
			terms: false
		});

		expect(refused).toEqual({
			email: 'メールアドレスの形式が正しくありません。',
			password: 'パスワードは10文字以上にしてください。',
			nickname: 'ニックネームは2〜30文字にしてください。',
			homeWardCode: 'お住まいの区を選んでください。',
			terms: '登録するには利用規約への同意が必要です。'
		});
	});

	it('speaks English to a request under /en', async () => {
		const refused = await inRequestTo('http://localhost/en/register', () =>
			messages({ ...valid, password: 'short' })
		);

		expect(refused).toEqual({ password: 'Use at least 10 characters.' });
	});

	it('refuses a ward outside Chiba City', () => {
		expect(Object.keys(messages({ ...valid, homeWardCode: '13101' }))).toEqual(['homeWardCode']);
	});

	it('counts nickname length in characters, not bytes', () => {
		expect(messages({ ...valid, nickname: '千'.repeat(30) })).toEqual({});
		expect(Object.keys(messages({ ...valid, nickname: '千'.repeat(31) }))).toEqual(['nickname']);
	});

	it('refuses a password longer than the 72 bytes bcrypt reads', () => {
		expect(messages({ ...valid, password: 'a'.repeat(72) })).toEqual({});
		expect(Object.keys(messages({ ...valid, password: 'あ'.repeat(25) }))).toEqual(['password']);
	});
});

describe('sign-in schema', () => {
	it('asks for a password without saying anything about its rules', () => {
		expect(messages({ email: 'a@example.jp', password: '' }, signInSchema)).toEqual({
			password: 'パスワードを入力してください。'
		});
		expect(messages({ email: 'a@example.jp', password: 'x' }, signInSchema)).toEqual({});
	});
});
