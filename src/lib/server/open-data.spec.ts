import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import * as entries from './entries';
import { batches, chunks, datasets, download, MAX_RUNNING } from './open-data';
import type { Strategy } from './open-data/batches';
import { toByteStream } from './open-data/formats';
import * as reports from './reports';
import * as work from './report-work';
import {
	CHUO,
	createOpenCampaign,
	createPerson,
	ensurePlaces,
	pendingPhoto,
	useTestDatabase
} from './testing';

const ORIGIN = 'https://machi.example.jp';
const STRATEGIES: Strategy[] = ['keyset', 'cursor'];

let citizen: Actor;
let staff: Actor;
let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	citizen = await createPerson();
	staff = await createPerson(['staff']);
	organiser = await createPerson(['organiser']);
});

function newReport(overrides: Partial<reports.NewReport> = {}): reports.NewReport {
	return {
		categoryCode: 'road-damage',
		lon: CHUO.lon + Math.random() * 0.01,
		lat: CHUO.lat + Math.random() * 0.01,
		wardCode: null,
		address: '',
		description: '歩道に穴があいています',
		photoIds: [],
		channel: 'app',
		idempotencyKey: null,
		...overrides
	};
}

async function text(source: AsyncIterable<string>): Promise<string> {
	let all = '';
	for await (const chunk of source) all += chunk;
	return all;
}

async function exported(
	name: 'reports' | 'entries' | 'assets' | 'wards',
	format: 'csv' | 'geojson',
	options: { spreadsheet?: boolean; strategy?: Strategy; batchSize?: number } = {}
): Promise<string> {
	return text(chunks(name, format, {}, { origin: ORIGIN, ...options }));
}

function csvRows(csv: string): Record<string, string>[] {
	return parse(csv, { columns: true, bom: true }) as Record<string, string>[];
}

interface Collection {
	type: string;
	crs?: unknown;
	features: {
		type: string;
		id: string | number;
		geometry: { type: string; coordinates: unknown };
		properties: Record<string, unknown>;
	}[];
}

describe('the reports CSV', () => {
	it('has a header of the documented columns and quotes commas, quotes and line breaks', async () => {
		const description = 'ガードレールが「曲がって」います, "大きく"\n二行目';
		const made = await reports.create(citizen, newReport({ description }));

		const csv = await exported('reports', 'csv');
		const [header] = csv.split('\r\n');
		expect(header).toBe(datasets.reports.columns.map((column) => column.name).join(','));
		expect(csv).toContain('"ガードレールが「曲がって」います, ""大きく""\n二行目"');

		const row = csvRows(csv).find((line) => line.number === String(made.number));
		expect(row).toMatchObject({
			description,
			category: 'road-damage',
			status: 'received',
			channel: 'app',
			ward: '12101',
			location_approximate: 'false'
		});
		expect(row?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
	});

	it('gives the time to fix, public notes and the repair of a resolved report', async () => {
		const made = await reports.create(citizen, newReport());
		await work.addNote(staff, made.id, '来週伺います', false);
		await work.changeStatus(staff, made.id, { status: 'resolved', publicNote: '補修しました' });
		await work.recordRepair(staff, made.id, {
			completedOn: '2026-11-30',
			cost: 12000,
			crewHours: 1.5,
			materials: [{ item: 'アスファルト', quantity: 2, unit: '袋' }],
			beforePhotoIds: [],
			afterPhotoIds: []
		});

		const row = csvRows(await exported('reports', 'csv')).find(
			(line) => line.number === String(made.number)
		);
		expect(row?.status).toBe('resolved');
		expect(row?.resolved_at).not.toBe('');
		expect(Number(row?.hours_to_resolve)).toBeGreaterThanOrEqual(0);
		expect(row).toMatchObject({
			public_note_count: '2',
			repair_completed_on: '2026-11-30',
			repair_cost_yen: '12000',
			repair_crew_hours: '1.5'
		});
	});

	it('starts with a byte order mark and neutralises formulas only in the spreadsheet variant', async () => {
		const made = await reports.create(citizen, newReport({ description: '=HYPERLINK("x")' }));

		const plain = await exported('reports', 'csv');
		const excel = await exported('reports', 'csv', { spreadsheet: true });
		expect(plain.startsWith('\ufeff')).toBe(false);
		expect(excel.startsWith('\ufeffnumber,')).toBe(true);

		const find = (csv: string) =>
			csvRows(csv).find((line) => line.number === String(made.number))?.description;
		expect(find(plain)).toBe('=HYPERLINK("x")');
		expect(find(excel)).toBe('\'=HYPERLINK("x")');
	});

	it('filters by category, status and period', async () => {
		const made = await reports.create(citizen, newReport({ categoryCode: 'streetlight' }));
		const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

		const rows = async (filter: Record<string, string>) =>
			csvRows(await text(chunks('reports', 'csv', filter, { origin: ORIGIN }))).map(
				(row) => row.number
			);
		expect(await rows({ category: 'streetlight', status: 'received' })).toContain(
			String(made.number)
		);
		expect(await rows({ category: 'road-damage' })).not.toContain(String(made.number));
		expect(await rows({ from: today, to: today })).toContain(String(made.number));
		expect(await rows({ to: '2001-01-01' })).not.toContain(String(made.number));
	});
});

describe('personal data', () => {
	it('never exports a caller, a reporter or an internal note, in any format', async () => {
		const caller = {
			name: '検見川 太郎',
			phone: '043-987-6543',
			email: 'caller.secret@example.jp'
		};
		const phoned = await reports.create(staff, newReport({ channel: 'phone', caller }));
		await work.addNote(staff, phoned.id, '内部メモ：住民と電話済み', true);
		const [{ email, nickname }] = await asSystem(
			'spec-open-data',
			(tx) => tx<{ email: string; nickname: string }[]>`
				select u.email, p.nickname from auth.users u join public.profiles p on p.id = u.id
				where u.id = ${citizen.id}`
		);
		await reports.create(citizen, newReport());

		for (const format of ['csv', 'geojson'] as const) {
			const all = await exported('reports', format);
			expect(all).toContain(String(phoned.number));
			for (const secret of [caller.name, caller.phone, caller.email, '内部メモ', email, nickname]) {
				expect(all).not.toContain(secret);
			}
			expect(all).not.toContain(citizen.id);
			expect(all).not.toContain(staff.id);
		}
	});
});

describe('GeoJSON', () => {
	it('streams one valid FeatureCollection with longitude before latitude and no crs', async () => {
		const made = await reports.create(citizen, newReport({ lon: 140.1201, lat: 35.6052 }));

		const collection = JSON.parse(
			await exported('reports', 'geojson', { batchSize: 2 })
		) as Collection;
		expect(collection.type).toBe('FeatureCollection');
		expect(collection).not.toHaveProperty('crs');
		const feature = collection.features.find((f) => f.id === made.number);
		expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [140.1201, 35.6052] });
		expect(feature?.properties).not.toHaveProperty('longitude');
		expect(feature?.properties.category).toBe('road-damage');
	});

	it('writes ward polygons with counterclockwise outer rings and clockwise holes (RFC 7946 §3.1.6)', async () => {
		const collection = JSON.parse(await exported('wards', 'geojson')) as Collection;
		expect(collection.features.map((f) => f.id)).toEqual([
			'12101',
			'12102',
			'12103',
			'12104',
			'12105',
			'12106'
		]);
		for (const feature of collection.features) {
			expect(feature.geometry.type).toBe('MultiPolygon');
			for (const polygon of feature.geometry.coordinates as number[][][][]) {
				const [outer, ...holes] = polygon;
				expect(outer[0][0]).toBeGreaterThan(139); // longitude first
				expect(outer[0][1]).toBeLessThan(36);
				expect(signedArea(outer)).toBeGreaterThan(0);
				for (const hole of holes) expect(signedArea(hole)).toBeLessThan(0);
			}
		}
	});

	it('offers the wards as GeoJSON only', async () => {
		const { offers } = await import('./open-data');
		expect(offers('wards', 'csv')).toBe(false);
		expect(offers('reports', 'csv')).toBe(true);
	});
});

/** Twice the signed area of a ring (shoelace): positive when counterclockwise. */
function signedArea(ring: number[][]): number {
	let sum = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return sum;
}

describe('campaign entries and assets', () => {
	it('exports approved entries with their nickname, and never pending or rejected ones', async () => {
		const campaign = await createOpenCampaign(organiser, { moderation: 'moderated' });
		const send = async (comment: string) =>
			entries.submit(citizen, {
				campaignId: campaign,
				photoId: await pendingPhoto(citizen),
				lon: CHUO.lon,
				lat: CHUO.lat,
				comment,
				idempotencyKey: null
			});
		const approved = await send('承認された写真');
		const rejected = await send('却下された写真');
		await send('審査待ちの写真');
		await entries.moderate(organiser, approved.id, 'approved');
		await entries.moderate(organiser, rejected.id, 'rejected', '対象外です');

		const rows = csvRows(await exported('entries', 'csv')).filter(
			(row) => row.campaign_id === campaign
		);
		expect(rows.map((row) => row.comment)).toEqual(['承認された写真']);
		const [{ nickname }] = await asSystem(
			'spec-open-data',
			(tx) =>
				tx<{ nickname: string }[]>`select nickname from public.profiles where id = ${citizen.id}`
		);
		expect(rows[0]).toMatchObject({ nickname, campaign_kind: 'photo_hunt' });
		expect(rows[0].photo_url).toMatch(new RegExp(`^${ORIGIN}/photos/[0-9a-f-]{36}/display$`));
		expect(rows[0].longitude).toBe(String(CHUO.lon));
	});

	it('gives each asset its latest approved check', async () => {
		const campaign = await createOpenCampaign(organiser);
		const code = `spec-${Date.now().toString(36)}`;
		const photos = [await pendingPhoto(citizen), await pendingPhoto(citizen)];
		const assetId = await asSystem('spec-open-data', async (tx) => {
			const [layer] = await tx<{ id: number }[]>`
				insert into public.asset_layers (code, name_ja, name_en)
				values (${code}, '街灯', 'Streetlights') returning id::int`;
			const [asset] = await tx<{ id: number }[]>`
				insert into public.assets (layer_id, external_id, name, location)
				values (${layer.id}, 'L-1', '中央公園の街灯',
					extensions.st_setsrid(extensions.st_makepoint(${CHUO.lon}, ${CHUO.lat}), 4326))
				returning id::int`;
			for (const [condition, status, hoursAgo, photo] of [
				['faulty', 'approved', 3, photos[0]],
				['working', 'approved', 2, null],
				['missing', 'pending', 1, photos[1]]
			] as const) {
				await tx`
					insert into public.entries (campaign_id, user_id, photo_id, location, status,
						asset_id, condition, created_at)
					values (${campaign}, ${citizen.id}, ${photo}, extensions.st_setsrid(
						extensions.st_makepoint(${CHUO.lon}, ${CHUO.lat}), 4326), ${status}, ${asset.id},
						${condition}, now() - make_interval(hours => ${hoursAgo}))`;
			}
			return asset.id;
		});

		const rows = csvRows(await text(chunks('assets', 'csv', { layer: code }, { origin: ORIGIN })));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			id: String(assetId),
			layer: code,
			external_id: 'L-1',
			last_condition: 'working',
			last_check_campaign_id: campaign
		});
	});
});

/** Each spec's reports on a day of its own long ago, so that others' reports never count. */
let nextDay = 0;
async function seedDay(count: number): Promise<string> {
	nextDay += 1;
	const offset = Math.floor(Math.random() * 3000) * 3 + nextDay;
	const day = new Date(Date.UTC(1950, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
	await seedReports(day, count);
	return day;
}

/** Reports written directly (filing has its own spec), at noon in Japan on `day`. */
async function seedReports(day: string, count: number): Promise<number[]> {
	return asSystem('spec-open-data', async (tx) => {
		const rows = await tx<{ number: number }[]>`
			insert into public.reports (category_id, location, description, created_at)
			select (select id from public.categories where code = 'road-damage'),
				extensions.st_setsrid(extensions.st_makepoint(${CHUO.lon}, ${CHUO.lat}), 4326), 'spec',
				(${day}::date + time '12:00')::timestamp at time zone 'Asia/Tokyo'
			from generate_series(1, ${count})
			returning number::int`;
		return rows.map((row) => row.number).sort((a, b) => a - b);
	});
}

describe('reading a million rows', () => {
	it.each(STRATEGIES)('reads batches of the asked size one at a time (%s)', async (strategy) => {
		const day = await seedDay(7);

		const sizes: number[] = [];
		const filter = { from: day, to: day };
		for await (const batch of batches(datasets.reports, filter, {
			origin: ORIGIN,
			size: 2,
			strategy
		})) {
			sizes.push(batch.length);
		}
		expect(sizes).toEqual([2, 2, 2, 1]);
	});

	it('reads the next keyset batch only when it is asked for', async () => {
		const day = await seedDay(3);
		const iterator = batches(
			datasets.reports,
			{ from: day, to: day },
			{ origin: ORIGIN, size: 2, strategy: 'keyset' }
		);
		const first = await iterator.next();
		expect(first.value).toHaveLength(2);

		// A report written after the first batch was handed over is still found: nothing beyond
		// that batch had been read.
		const [late] = await seedReports(day, 1);
		const numbers: number[] = [];
		for await (const batch of iterator) numbers.push(...batch.map((row) => row.number as number));
		expect(numbers).toEqual([expect.any(Number), late]);
	});

	it('gives the connection back when a cursor download is abandoned half way', async () => {
		for (let i = 0; i < 5; i++) await reports.create(citizen, newReport());

		// More abandoned downloads than the pool has connections: a leaked one would hang here.
		for (let i = 0; i < 12; i++) {
			const iterator = batches(
				datasets.reports,
				{},
				{ origin: ORIGIN, size: 2, strategy: 'cursor' }
			);
			expect((await iterator.next()).value).toHaveLength(2);
			await iterator.return(undefined);
		}
		const csv = await exported('reports', 'csv', { strategy: 'cursor' });
		expect(csvRows(csv).length).toBeGreaterThanOrEqual(5);
	});

	it('pulls a chunk from the source only when the reader takes one (back-pressure)', async () => {
		let produced = 0;
		async function* source() {
			for (let i = 0; i < 1000; i++) {
				produced++;
				yield `line ${i}\n`;
			}
		}
		const reader = toByteStream(source()).getReader();
		await new Promise((done) => setTimeout(done, 20));
		expect(produced).toBe(0);
		await reader.read();
		await new Promise((done) => setTimeout(done, 20));
		expect(produced).toBeLessThanOrEqual(2);
		await reader.cancel();
	});

	it(`turns away a download beyond ${MAX_RUNNING} running at once, and frees the slot when one ends`, async () => {
		const readers = [];
		for (let i = 0; i < MAX_RUNNING; i++) {
			const reader = download('wards', 'geojson', {}, { origin: ORIGIN })?.body.getReader();
			await reader?.read();
			readers.push(reader);
		}
		expect(download('wards', 'geojson', {}, { origin: ORIGIN })).toBeNull();

		await readers[0]?.cancel();
		const again = download('wards', 'geojson', {}, { origin: ORIGIN });
		expect(again).not.toBeNull();
		expect(JSON.parse(await new Response(again?.body).text())).toHaveProperty('features');
		for (const reader of readers.slice(1)) await reader?.cancel();
	});
});
