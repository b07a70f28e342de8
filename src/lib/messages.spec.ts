// Both languages complete: every message exists in Japanese and English, says something, and
// takes the same parameters, so that no page shows a key or an unfilled {placeholder}.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function messages(locale: 'ja' | 'en'): Record<string, string> {
	const path = resolve(process.env.MACHI_ROOT ?? process.cwd(), `messages/${locale}.json`);
	const all = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
	return Object.fromEntries(
		Object.entries(all).filter(([key]) => key !== '$schema') as [string, string][]
	);
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the messages', () => {
	const ja = messages('ja');
	const en = messages('en');

	it('have the same keys in Japanese and English', () => {
		expect(Object.keys(en).filter((key) => !(key in ja))).toEqual([]);
		expect(Object.keys(ja).filter((key) => !(key in en))).toEqual([]);
	});

	it('are all written out, in both languages', () => {
		for (const [locale, all] of [
			['ja', ja],
			['en', en]
		] as const) {
			const empty = Object.entries(all).filter(
				([, text]) => typeof text !== 'string' || text.trim() === ''
			);
			expect(empty.map(([key]) => `${locale}:${key}`)).toEqual([]);
		}
	});

	it('take the same parameters in both languages', () => {
		const different = Object.keys(ja).filter(
			(key) => key in en && placeholders(ja[key]).join() !== placeholders(en[key]).join()
		);
		expect(different).toEqual([]);
	});

	it('are Japanese in Japanese: each Japanese message has Japanese script unless it is a name', () => {
		const latinOnly = Object.entries(ja)
			.map(([key, text]) => [key, text.replace(/\{\w+\}/g, '')])
			.filter(
				([, text]) =>
					!/[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/.test(text) && /[a-z]{4}/.test(text)
			);
		expect(latinOnly.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
	});
});
