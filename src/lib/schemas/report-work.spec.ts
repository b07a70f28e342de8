import { describe, expect, it } from 'vitest';
import { NOTE_MAX_LENGTH, noteSchema, repairSchema, statusSchema } from './report-work';

const repair = (quantity: string) => ({
	completedOn: '2026-01-05',
	cost: null,
	crewHours: null,
	materialItem: ['アスファルト合材'],
	materialQuantity: [quantity],
	materialUnit: ['袋']
});

const issuePaths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
	result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the repair record', () => {
	it('takes quantities the record can hold, down to a thousandth', () => {
		for (const quantity of ['1', '2.5', '0.001', '999999999.999']) {
			expect(repairSchema.safeParse(repair(quantity)).success).toBe(true);
		}
	});

	it('refuses beside its row a quantity the database would overflow on or round to nothing', () => {
		for (const quantity of ['0', '-1', '0.0001', '1000000000', '1e300', 'Infinity', 'many']) {
			expect(issuePaths(repairSchema.safeParse(repair(quantity)))).toEqual(['materialQuantity.0']);
		}
	});
});

describe('notes on a report', () => {
	it('count a line break sent as CRLF once against the limit', () => {
		const lines = Array.from({ length: NOTE_MAX_LENGTH / 4 }, () => 'abc').join('\r\n');
		expect(lines.length).toBeGreaterThan(NOTE_MAX_LENGTH);

		const note = noteSchema.parse({ note: lines });
		expect(note.note).toHaveLength(NOTE_MAX_LENGTH - 1);
		const status = statusSchema.parse({
			status: 'in_progress',
			publicNote: lines,
			originalNumber: null
		});
		expect(status.publicNote).not.toContain('\r');
	});
});
