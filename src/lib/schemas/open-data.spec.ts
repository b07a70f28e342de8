import { describe, expect, it } from 'vitest';
import { exportFilterSchemas, parseFileName, wantsBom } from './open-data';

describe('download file names', () => {
	it('names a dataset and a format, and nothing else', () => {
		expect(parseFileName('reports.csv')).toEqual({ dataset: 'reports', format: 'csv' });
		expect(parseFileName('wards.geojson')).toEqual({ dataset: 'wards', format: 'geojson' });
		for (const name of ['reports', 'reports.xlsx', 'people.csv', 'reports.csv.gz', '.csv']) {
			expect(parseFileName(name)).toBeNull();
		}
	});

	it('asks for a byte order mark with bom=1 or true only', () => {
		expect(wantsBom(new URLSearchParams('bom=1'))).toBe(true);
		expect(wantsBom(new URLSearchParams('bom=true'))).toBe(true);
		expect(wantsBom(new URLSearchParams('bom=0'))).toBe(false);
		expect(wantsBom(new URLSearchParams(''))).toBe(false);
	});
});

describe('download filters', () => {
	it('takes an empty field as no filter and refuses a period that ends before it starts', () => {
		expect(exportFilterSchemas.entries.parse({ campaign: '', from: '', to: '' })).toEqual({});
		expect(
			exportFilterSchemas.entries.safeParse({ from: '2026-12-02', to: '2026-12-01' }).success
		).toBe(false);
		expect(exportFilterSchemas.entries.safeParse({ campaign: 'not-an-id' }).success).toBe(false);
		expect(exportFilterSchemas.assets.safeParse({ layer: 'Street Lights' }).success).toBe(false);
	});
});
