import { describe, expect, it } from 'vitest';
import { campaignSchema } from './campaign';

const valid = {
	title: 'Streetlight week',
	description: '',
	startsAt: '2026-12-20T10:00',
	endsAt: '2026-12-27T10:00',
	reviewDays: 3,
	pointsPerEntry: 10,
	moderation: 'auto',
	wardCodes: ['12101'],
	publish: true
};

function errorPaths(input: object): string[] {
	const result = campaignSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => String(issue.path[0]));
}

describe('campaignSchema', () => {
	it('accepts a period whose end follows its start', () => {
		expect(errorPaths(valid)).toEqual([]);
	});

	it('reports an end before the start together with the other wrong fields', () => {
		const paths = errorPaths({
			...valid,
			endsAt: '2026-12-10T10:00',
			pointsPerEntry: Number('abc'),
			wardCodes: []
		});

		expect(paths).toEqual(expect.arrayContaining(['endsAt', 'pointsPerEntry', 'wardCodes']));
	});
});
