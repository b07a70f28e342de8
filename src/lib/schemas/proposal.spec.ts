import { describe, expect, it } from 'vitest';
import { declineSchema, isDay, proposalSchema } from './proposal';

const valid = {
	title: 'Check the park benches',
	description: 'Every bench in the seaside parks, before the summer.',
	kind: 'asset_check',
	wardCodes: ['12106'],
	startsOn: '2027-05-01',
	endsOn: '2027-05-14'
};

function errorPaths(input: object): string[] {
	const result = proposalSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => String(issue.path[0]));
}

describe('proposalSchema', () => {
	it('accepts a proposal with a period, and one without', () => {
		expect(errorPaths(valid)).toEqual([]);
		expect(errorPaths({ ...valid, startsOn: '', endsOn: '' })).toEqual([]);
	});

	it('refuses a short title and description and no ward, all at once', () => {
		expect(errorPaths({ ...valid, title: ' a ', description: 'short', wardCodes: [] })).toEqual([
			'title',
			'description',
			'wardCodes'
		]);
	});

	it('refuses a period with only one end', () => {
		expect(errorPaths({ ...valid, endsOn: '' })).toEqual(['endsOn']);
	});

	it('refuses an end on or before the start, together with other wrong fields', () => {
		expect(errorPaths({ ...valid, title: '', endsOn: '2027-05-01' })).toEqual(['title', 'endsOn']);
	});

	it('refuses a date that does not exist and a kind that is not one', () => {
		expect(errorPaths({ ...valid, startsOn: '2027-02-30', kind: 'party' })).toEqual([
			'kind',
			'startsOn'
		]);
	});
});

describe('isDay', () => {
	it('knows which days exist', () => {
		expect([isDay('2028-02-29'), isDay('2027-02-29'), isDay('2027-5-1')]).toEqual([
			true,
			false,
			false
		]);
	});
});

describe('declineSchema', () => {
	it('needs a reason that is not only spaces', () => {
		expect(declineSchema.safeParse({ reason: '   ' }).success).toBe(false);
		expect(declineSchema.safeParse({ reason: 'Planned already.' }).data).toEqual({
			reason: 'Planned already.'
		});
	});
});
