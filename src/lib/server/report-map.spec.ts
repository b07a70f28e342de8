import { isHttpError } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportListSchema, reportViewportSchema } from '$lib/schemas/report-map';
import { asSystem } from './db';
import * as reportList from './report-list';
import {
	cellSize,
	COUNTED_ZOOM,
	countedCells,
	countedPeriod,
	groupedReports,
	MAX_SINGLE,
	SINGLE_ZOOM,
	viewport,
	type BBox
} from './report-map';
import { ensurePlaces, useTestDatabase } from './testing';

/** Each group of reports is filed on a day of its own long ago, so specs never see each other's. */
let nextDay = 0;
function uniqueDay(): string {
	nextDay += 1;
	const day = new Date(
		Date.UTC(2001, 0, 1) + (Math.floor(Math.random() * 3000) * 3 + nextDay) * 86_400_000
	);
	return day.toISOString().slice(0, 10);
}

interface Seeded {
	lon: number;
	lat: number;
	status?: string;
	category?: string;
	ward?: string;
	meToo?: number;
}

/** Writes reports directly (the filing rules are reports.spec's business), noon in Japan on `day`. */
async function seed(day: string, rows: Seeded[]): Promise<number[]> {
	return asSystem('spec-report-map', async (tx) => {
		const numbers: number[] = [];
		for (const row of rows) {
			const status = row.status ?? 'received';
			const [{ number }] = await tx<{ number: number }[]>`
				insert into public.reports (category_id, ward_id, location, description, status,
					duplicate_of, forwarded_to, me_too_count, created_at)
				values ((select id from public.categories where code = ${row.category ?? 'road-damage'}),
					(select id from public.areas where kind = 'ward' and code = ${row.ward ?? '12101'}),
					extensions.st_setsrid(extensions.st_makepoint(${row.lon}, ${row.lat}), 4326),
					'spec', ${status === 'duplicate' ? 'received' : status},
					null, ${status === 'forwarded' ? '市原市' : null}, ${row.meToo ?? 0},
					(${day}::date + time '12:00')::timestamp at time zone 'Asia/Tokyo')
				returning number::int`;
			numbers.push(number);
		}
		return numbers;
	});
}

/** The last day of the month of `day`. */
function lastDayOf(day: string): string {
	const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
	date.setUTCMonth(date.getUTCMonth() + 1, 0);
	return date.toISOString().slice(0, 10);
}

/** A box of about 200 m around a point. */
const around = (lon: number, lat: number): BBox => [
	lon - 0.001,
	lat - 0.001,
	lon + 0.001,
	lat + 0.001
];

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
});

describe('the map viewport', () => {
	it('sends each report in a quiet viewport with its number, status and category', async () => {
		const day = uniqueDay();
		const [inside, resolved] = await seed(day, [
			{ lon: 140.1201, lat: 35.6041 },
			{ lon: 140.1202, lat: 35.6042, status: 'resolved', category: 'streetlight' },
			{ lon: 140.13, lat: 35.61 }
		]);

		const map = await viewport(null, { from: day, to: day }, around(140.12, 35.604), 15);

		const found = map.features.map((f) => f.properties);
		expect(found).toHaveLength(2);
		expect(found).toContainEqual({
			kind: 'report',
			number: inside,
			status: 'received',
			category: 'road-damage'
		});
		expect(found).toContainEqual({
			kind: 'report',
			number: resolved,
			status: 'resolved',
			category: 'streetlight'
		});
		expect(map.features[0].geometry.type).toBe('Point');
	});

	it('narrows by status, category, ward and period', async () => {
		const day = uniqueDay();
		const other = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
		await seed(day, [
			{ lon: 140.1201, lat: 35.6041, status: 'in_progress', category: 'dumping' },
			{ lon: 140.1202, lat: 35.6042, category: 'dumping', ward: '12106' },
			{ lon: 140.1203, lat: 35.6043, category: 'sign' }
		]);
		await seed(other, [{ lon: 140.1204, lat: 35.6044, category: 'dumping' }]);
		const box = around(140.12, 35.604);
		const count = async (filter: object) =>
			(await viewport(null, { from: day, to: other, ...filter }, box, 16)).features.length;

		expect(await count({})).toBe(4);
		expect(await count({ status: 'in_progress' })).toBe(1);
		expect(await count({ category: 'dumping' })).toBe(3);
		expect(await count({ category: 'dumping', ward: '12106' })).toBe(1);
		expect(await count({ to: day })).toBe(3);
		expect(await count({ category: 'no-such-category' })).toBe(0);
	});

	it('groups a crowded viewport into cells with counts per status, and ungroups at street zoom', async () => {
		const day = uniqueDay();
		const [west, south] = [140.2, 35.56];
		await asSystem('spec-report-map', async (tx) => {
			await tx`
				insert into public.reports (category_id, location, description, status, forwarded_to,
					created_at)
				select (select id from public.categories where code = 'road-damage'),
					extensions.st_setsrid(extensions.st_makepoint(${west} + (n % 40) * 0.0001,
						${south} + (n / 40) * 0.0001), 4326),
					'spec', (array['received', 'in_progress', 'resolved', 'closed'])[1 + n % 4], null,
					(${day}::date + time '12:00')::timestamp at time zone 'Asia/Tokyo'
				from generate_series(0, ${MAX_SINGLE + 99}) n`;
		});
		const box: BBox = [west - 0.001, south - 0.001, west + 0.01, south + 0.01];
		const period = { from: day, to: day };

		const city = await viewport(null, period, box, 12);
		const cells = city.features.map((f) => f.properties);
		expect(cells.every((cell) => cell.kind === 'cluster')).toBe(true);
		const total = cells.reduce((sum, cell) => sum + (cell.kind === 'cluster' ? cell.count : 0), 0);
		expect(total).toBe(MAX_SINGLE + 100);
		const cell = cells[0];
		if (cell.kind !== 'cluster') throw new Error('expected a cell');
		expect(cell.received + cell.inProgress + cell.resolved + cell.other).toBe(cell.count);
		expect(cells.length).toBeLessThan(10);

		const street = await viewport(null, period, box, SINGLE_ZOOM);
		expect(street.features.every((f) => f.properties.kind === 'report')).toBe(true);
		expect(street.features).toHaveLength(MAX_SINGLE + 100);

		const fewer = await viewport(null, { ...period, status: 'resolved' }, box, 12);
		expect(fewer.features.every((f) => f.properties.kind === 'report')).toBe(true);
	});

	it('keeps counts per cell that match counting the reports, through updates and deletes', async () => {
		const day = uniqueDay();
		const month = { from: `${day.slice(0, 7)}-01`, to: lastDayOf(day) };
		// A block of zoom-10 cells, edge to edge, so that whole kept cells and the box agree.
		const size = cellSize(10);
		const [west, south] = [Math.floor(140.05 / size) * size, Math.floor(35.6 / size) * size];
		const box: BBox = [west, south, west + 2 * size - 1e-9, south + 2 * size - 1e-9];
		const numbers = await seed(
			day,
			Array.from({ length: 60 }, (_, n) => ({
				lon: west + ((n * 7) % 97) * size * 0.02,
				lat: south + ((n * 13) % 89) * size * 0.02,
				status: ['received', 'in_progress', 'resolved', 'closed', 'forwarded'][n % 5],
				category: n % 3 ? 'road-damage' : 'streetlight'
			}))
		);
		await asSystem('spec-report-map', async (tx) => {
			await tx`update public.reports set status = 'resolved', resolved_at = now()
				where number = any(${numbers.slice(0, 10)}) and status = 'received'`;
			await tx`update public.reports set location = extensions.st_setsrid(
					extensions.st_makepoint(${west + size * 1.5}, ${south + size * 1.5}), 4326)
				where number = any(${numbers.slice(10, 15)})`;
			await tx`update public.reports set me_too_count = me_too_count + 1
				where number = any(${numbers.slice(15, 20)})`;
			await tx`delete from public.reports where number = any(${numbers.slice(20, 25)})`;
		});

		const compare = (filter: object) =>
			asSystem('spec-report-map', async (tx) => {
				const sorted = (rows: Awaited<ReturnType<typeof countedCells>>) =>
					rows
						.map((row) => ({
							...row,
							lon: Number(row.lon.toFixed(9)),
							lat: Number(row.lat.toFixed(9))
						}))
						.sort((a, b) => a.lon - b.lon || a.lat - b.lat);
				const counted = sorted(await countedCells(tx, { ...month, ...filter }, box, 10));
				const grouped = sorted(await groupedReports(tx, { ...month, ...filter }, box, 10));
				return { counted, grouped };
			});
		for (const filter of [{}, { status: 'resolved' }, { category: 'streetlight' }]) {
			const { counted, grouped } = await compare(filter);
			expect(counted.map(({ count }) => count)).toEqual(grouped.map(({ count }) => count));
			if (!('status' in filter)) expect(counted).toEqual(grouped);
		}
		const { counted } = await compare({});
		expect(counted.reduce((sum, row) => sum + row.count, 0)).toBeGreaterThanOrEqual(55);
	});

	it('answers from the kept counts only for whole months at city zoom', () => {
		expect(countedPeriod({})).toBe(true);
		expect(countedPeriod({ from: '2024-02-01', to: '2024-02-29' })).toBe(true);
		expect(countedPeriod({ from: '2024-02-01', to: '2024-02-28' })).toBe(false);
		expect(countedPeriod({ from: '2024-02-02' })).toBe(false);
		expect(COUNTED_ZOOM).toBeLessThan(SINGLE_ZOOM);
	});

	it('makes cells smaller as the map zooms in', () => {
		expect(cellSize(10)).toBeCloseTo(cellSize(11) * 2);
		expect(cellSize(0)).toBe(90);
	});
});

describe('the list of reports', () => {
	it('pages thirty at a time and sorts by date or by "me too"', async () => {
		const day = uniqueDay();
		const numbers = await seed(
			day,
			Array.from({ length: 35 }, (_, i) => ({ lon: 140.12, lat: 35.6, meToo: i === 7 ? 9 : 0 }))
		);
		const query = (extra: object) => reportListSchema.parse({ from: day, to: day, ...extra });

		const first = await reportList.list(null, query({}));
		expect(first).toMatchObject({ total: 35, page: 1, pages: 2 });
		expect(first.reports).toHaveLength(reportList.PAGE_SIZE);
		expect(first.reports[0].number).toBe(numbers[34]);
		expect(first.reports[0]).toMatchObject({
			status: 'received',
			categoryJa: expect.any(String),
			wardEn: 'Chuo-ku'
		});

		const second = await reportList.list(null, query({ page: '2' }));
		expect(second.reports.map((r) => r.number)).toEqual(numbers.slice(0, 5).reverse());

		const beyond = await reportList.list(null, query({ page: '9' }));
		expect(beyond.page).toBe(2);

		const oldest = await reportList.list(null, query({ sort: 'oldest' }));
		expect(oldest.reports[0].number).toBe(numbers[0]);
		const meToo = await reportList.list(null, query({ sort: 'me_too' }));
		expect(meToo.reports[0]).toMatchObject({ number: numbers[7], meTooCount: 9 });
	});

	it('shows only the reports of the status and category asked for', async () => {
		const day = uniqueDay();
		const [, resolved] = await seed(day, [
			{ lon: 140.12, lat: 35.6 },
			{ lon: 140.12, lat: 35.6, status: 'resolved', category: 'park-equipment' },
			{ lon: 140.12, lat: 35.6, status: 'resolved' }
		]);
		const list = (extra: object) =>
			reportList.list(null, reportListSchema.parse({ from: day, to: day, ...extra }));

		expect((await list({ status: 'resolved' })).total).toBe(2);
		const both = await list({ status: 'resolved', category: 'park-equipment' });
		expect(both.reports.map((r) => r.number)).toEqual([resolved]);
	});
});

describe('query parameters', () => {
	const viewportQuery = (query: string) =>
		reportViewportSchema.safeParse(Object.fromEntries(new URLSearchParams(query)));

	it('reads a viewport with filters, empty filters meaning all', () => {
		const parsed = viewportQuery('bbox=140,35.5,140.3,35.7&zoom=12&status=&category=sign');
		expect(parsed.success && parsed.data).toEqual({
			bbox: [140, 35.5, 140.3, 35.7],
			zoom: 12,
			category: 'sign',
			status: undefined,
			ward: undefined,
			from: undefined,
			to: undefined
		});
	});

	it.each([
		['no bbox', 'zoom=12', 'bbox'],
		['a bbox of three numbers', 'bbox=140,35.5,140.3&zoom=12', 'bbox'],
		['a bbox upside down', 'bbox=140.3,35.5,140,35.7&zoom=12', 'west must be less than east'],
		['a latitude past the pole', 'bbox=140,35.5,140.3,95&zoom=12', 'bbox'],
		['a zoom of 30', 'bbox=140,35.5,140.3,35.7&zoom=30', 'zoom'],
		['a zoom that is not a number', 'bbox=140,35.5,140.3,35.7&zoom=near', 'zoom'],
		['an unknown status', 'bbox=140,35.5,140.3,35.7&zoom=12&status=open', 'status'],
		['a day that does not exist', 'bbox=140,35.5,140.3,35.7&zoom=12&from=2026-02-30', 'from'],
		[
			'a period ending before it starts',
			'bbox=140,35.5,140.3,35.7&zoom=12&from=2026-03-02&to=2026-03-01',
			'to'
		],
		['a ward that is not a code', 'bbox=140,35.5,140.3,35.7&zoom=12&ward=chuo', 'ward']
	])('refuses %s, naming the parameter', (_, query, named) => {
		const parsed = viewportQuery(query);
		expect(parsed.success).toBe(false);
		expect(JSON.stringify(parsed.error?.issues)).toContain(named);
	});

	it('answers a bad viewport request with 400 and the reason, never 500', async () => {
		const { GET } = await import('../../routes/api/reports.geojson/+server');
		const url = new URL('http://localhost/api/reports.geojson?bbox=1,2&zoom=99');
		const thrown = await Promise.resolve(GET({ url, locals: { user: null } } as never)).then(
			() => null,
			(error: unknown) => error
		);

		expect(isHttpError(thrown) && thrown.status).toBe(400);
		expect(isHttpError(thrown) && thrown.body.message).toMatch(/bbox.*zoom/);
	});

	it('answers a good viewport request with a FeatureCollection', async () => {
		const { GET } = await import('../../routes/api/reports.geojson/+server');
		const url = new URL(
			'http://localhost/api/reports.geojson?bbox=140.1,35.6,140.11,35.61&zoom=15&status=closed'
		);
		const response = await GET({ url, locals: { user: null } } as never);

		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ type: 'FeatureCollection' });
	});

	it('falls back to the newest first on the first page', () => {
		expect(reportListSchema.parse({})).toMatchObject({ sort: 'newest', page: 1 });
		expect(reportListSchema.safeParse({ page: '0' }).success).toBe(false);
		expect(reportListSchema.safeParse({ sort: 'random' }).success).toBe(false);
	});
});
