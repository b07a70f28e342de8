import { describe, expect, it } from 'vitest';
import { formatPeriod } from './format';

describe('periods', () => {
	it('writes the day once for a period within one day in Chiba', () => {
		const start = new Date('2026-12-24T01:00:00Z'); // 10:00 in Chiba
		const end = new Date('2026-12-24T03:00:00Z');
		expect(formatPeriod(start, end)).toBe('2026/12/24 10:00～12:00');
	});

	it('writes both ends in full across midnight in Chiba, though UTC sees one day', () => {
		const start = new Date('2026-12-24T13:00:00Z'); // 22:00 on the 24th in Chiba
		const end = new Date('2026-12-24T16:00:00Z'); // 01:00 on the 25th
		expect(formatPeriod(start, end)).toBe('2026/12/24 22:00～2026/12/25 1:00');
	});
});
