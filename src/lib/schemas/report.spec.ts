import { describe, expect, it } from 'vitest';
import { REPORT_DESCRIPTION_MAX_LENGTH, reportSchema } from './report';

const PHOTO = '00000000-0000-4000-8000-0000000b0001';

const valid = {
	category: 'road-damage',
	description: '  A deep pothole by the crossing  ',
	photoIds: [PHOTO],
	lat: 35.6074,
	lon: 140.1233,
	ward: '',
	address: '',
	callerName: '',
	callerPhone: '',
	callerEmail: '',
	idempotencyKey: '00000000-0000-4000-8000-0000000b0002'
};

const issuePaths = (input: unknown) =>
	reportSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the report form', () => {
	it('accepts a point with a photo, trims the description and defaults to the app channel', () => {
		const parsed = reportSchema.parse(valid);
		expect(parsed.description).toBe('A deep pothole by the crossing');
		expect(parsed.channel).toBe('app');
		expect(parsed.confirm).toBe(false);
		expect(parsed.photos).toEqual([]);
	});

	it('accepts a ward and an address without a point, and no photo at all', () => {
		const byWard = {
			...valid,
			lat: null,
			lon: null,
			ward: '12101',
			address: '千葉港1-1',
			photoIds: []
		};
		expect(reportSchema.safeParse(byWard).success).toBe(true);
	});

	it('needs a category and a description, each with a message for its field', () => {
		expect(issuePaths({ ...valid, category: '' })).toEqual(['category']);
		expect(issuePaths({ ...valid, description: '   ' })).toEqual(['description']);
		const long = 'あ'.repeat(REPORT_DESCRIPTION_MAX_LENGTH + 1);
		expect(issuePaths({ ...valid, description: long })).toEqual(['description']);
		for (const issue of reportSchema.safeParse({ ...valid, category: '' }).error!.issues) {
			expect(issue.message).not.toBe('');
		}
	});

	it('refuses a ward that is not one of the six, coordinates off the globe and a bad photo id', () => {
		expect(issuePaths({ ...valid, ward: '13101' })).toEqual(['ward']);
		expect(issuePaths({ ...valid, lat: 91 })).toEqual(['lat']);
		expect(issuePaths({ ...valid, lon: -181 })).toEqual(['lon']);
		expect(issuePaths({ ...valid, photoIds: ['../etc/passwd'] })).toEqual(['photoIds.0']);
	});

	it('takes the staff channels and checks the caller’s phone and email when given', () => {
		const call = {
			...valid,
			channel: 'phone',
			callerName: '千葉 花子',
			callerPhone: '043-245-5111',
			callerEmail: 'hanako@example.jp'
		};
		expect(reportSchema.parse(call).channel).toBe('phone');
		expect(reportSchema.safeParse({ ...call, channel: 'counter' }).success).toBe(true);
		expect(reportSchema.safeParse({ ...call, callerPhone: '+81 43 245 5111' }).success).toBe(true);
		expect(issuePaths({ ...call, channel: 'open311' })).toEqual(['channel']);
		expect(issuePaths({ ...call, callerPhone: 'call me' })).toEqual(['callerPhone']);
		expect(issuePaths({ ...call, callerEmail: 'hanako' })).toEqual(['callerEmail']);
	});

	it('counts a line break as one character, as the browser did when it sent CRLF', () => {
		const lines = Array.from({ length: 250 }, () => 'abc').join('\r\n');
		expect(lines.length).toBeGreaterThan(REPORT_DESCRIPTION_MAX_LENGTH);
		const parsed = reportSchema.parse({ ...valid, description: lines });
		expect(parsed.description).toHaveLength(REPORT_DESCRIPTION_MAX_LENGTH - 1);
		expect(parsed.description).not.toContain('\r');
	});

	it('needs the idempotency key that makes a double tap one report', () => {
		expect(issuePaths({ ...valid, idempotencyKey: 'again' })).toEqual(['idempotencyKey']);
	});
});
