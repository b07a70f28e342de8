import { describe, expect, it } from 'vitest';
import { addMonths, readInsightsQuery, tokyoMonth } from './insights';

const query = (search: string, now = new Date('2026-12-31T16:00:00Z')) =>
	readInsightsQuery(new URL(`http://localhost/insights${search}`), now);

describe('the dashboard filters', () => {
	it('default to this month in Tokyo and the eleven before it', () => {
		// 16:00 UTC on 31 December is already 1 January in Tokyo.
		expect(query('').filter).toEqual({
			from: '2026-02',
			to: '2027-01',
			ward: null,
			category: null
		});
	});

	it('take a period, a ward and a category as typed', () => {
		const { filter, errors } = query('?from=2025-04&to=2026-03&ward=12101&category=road-damage');
		expect(filter).toEqual({
			from: '2025-04',
			to: '2026-03',
			ward: '12101',
			category: 'road-damage'
		});
		expect(errors).toEqual({});
	});

	it('complete a period given by one end', () => {
		expect(query('?from=2026-01').filter).toMatchObject({ from: '2026-01', to: '2027-01' });
		expect(query('?to=2026-06').filter).toMatchObject({ from: '2025-07', to: '2026-06' });
	});

	it('report an unreadable month beside its field and keep what was typed', () => {
		const { filter, typed, errors } = query('?from=2026-13&ward=12101');
		expect(errors.from).toBeTruthy();
		expect(typed.from).toBe('2026-13');
		expect(filter).toMatchObject({ from: '2026-02', to: '2027-01', ward: '12101' });
	});

	it('refuse a period the wrong way round or longer than ten years', () => {
		expect(query('?from=2026-06&to=2026-01').errors.to).toBeTruthy();
		expect(query('?from=2000-01&to=2026-01').errors.from).toBeTruthy();
	});

	it('ignore a ward or category that is not a code', () => {
		expect(query("?ward=x';--&category=A B").filter).toMatchObject({ ward: null, category: null });
	});
});

describe('months', () => {
	it('move across years', () => {
		expect(addMonths('2026-01', -1)).toBe('2025-12');
		expect(addMonths('2026-12', 1)).toBe('2027-01');
		expect(tokyoMonth(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04');
	});
});
