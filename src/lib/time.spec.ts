import { describe, expect, it } from 'vitest';
import { dateToTokyoLocal, tokyoLocalToDate } from './time';

describe('tokyoLocalToDate', () => {
	it('reads a datetime-local value as Tokyo time, nine hours ahead of UTC', () => {
		expect(tokyoLocalToDate('2026-12-24T18:00')?.toISOString()).toBe('2026-12-24T09:00:00.000Z');
	});

	it('moves to the previous UTC day for early-morning Tokyo times', () => {
		expect(tokyoLocalToDate('2027-01-01T00:30')?.toISOString()).toBe('2026-12-31T15:30:00.000Z');
	});

	it('accepts the seconds some browsers add', () => {
		expect(tokyoLocalToDate('2026-07-01T08:15:30')?.toISOString()).toBe('2026-06-30T23:15:30.000Z');
	});

	it('refuses dates that do not exist and text that is not a datetime-local value', () => {
		for (const value of ['2026-02-30T10:00', '2026-13-01T10:00', '2026-12-24T24:00', '', 'soon']) {
			expect(tokyoLocalToDate(value)).toBeNull();
		}
	});
});

describe('dateToTokyoLocal', () => {
	it('shows a UTC instant as Tokyo wall-clock time to the minute', () => {
		expect(dateToTokyoLocal(new Date('2026-12-24T09:00:45Z'))).toBe('2026-12-24T18:00');
	});

	it('round-trips with tokyoLocalToDate', () => {
		const value = '2026-03-31T23:59';
		expect(dateToTokyoLocal(tokyoLocalToDate(value) as Date)).toBe(value);
	});
});
