import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import { beforeAll, describe, expect, it } from 'vitest';
import * as assets from './assets';
import { extent, viewport } from './assets/map';
import { asSystem } from './db';
import { seedAssets } from './db/seed';
import type { Actor } from './db';
import { DomainError } from './errors';
import { createPerson, ensurePlaces, uniquePerson, useTestDatabase } from './testing';

const REAL_DATA_DIR = process.env.REAL_DATA_DIR ?? '../shared/data';

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	organiser = await createPerson(['organiser']);
});

/** A new layer with a code no other test uses. */
async function newLayer(): Promise<string> {
	const code = `l-${uniquePerson('x').nickname.toLowerCase()}`.slice(0, 40);
	await assets.createLayer(organiser, {
		code,
		nameJa: 'テスト',
		nameEn: 'Test',
		categoryCode: null
	});
	return code;
}

async function importText(
	text: string | Uint8Array,
	mapping: assets.Mapping,
	{ name = 'test.csv', insideCityOnly = false, layer = '' } = {}
) {
	const code = layer || (await newLayer());
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	const id = await assets.upload(organiser, code, { name, bytes });
	return { code, report: await assets.runImport(organiser, id, mapping, insideCityOnly) };
}

const lonLat: assets.Mapping = {
	id: 'id',
	name: 'name',
	coordinates: { kind: 'columns', longitude: 'lon', latitude: 'lat' }
};

const skippedCount = (report: assets.ImportReport, reason: assets.SkipReason) =>
	report.skipped.find((s) => s.reason === reason)?.count ?? 0;

describe('layers', () => {
	it('lists a new layer with its asset count', async () => {
		const { code } = await importText(
			'id,name,lon,lat\nA,一,140.1,35.6\nB,二,140.2,35.6\n',
			lonLat
		);

		const layer = await assets.readLayer(null, code);

		expect(layer).toMatchObject({ code, nameJa: 'テスト', assetCount: 2 });
	});

	it('refuses a second layer with the same code', async () => {
		const code = await newLayer();

		await expect(
			assets.createLayer(organiser, { code, nameJa: 'x', nameEn: 'x', categoryCode: null })
		).rejects.toEqual(new DomainError('inventory_code_taken'));
	});

	it('refuses a citizen who tries to create a layer', async () => {
		const citizen = await createPerson();

		await expect(
			assets.createLayer(citizen, {
				code: 'citizen-layer',
				nameJa: 'x',
				nameEn: 'x',
				categoryCode: null
			})
		).rejects.toEqual(new DomainError('not_allowed'));
	});
});

describe('importing a CSV', () => {
	it('reports every skip reason with its rows', async () => {
		const csv = [
			'id,name,lon,lat',
			'A,ok,140.1233,35.6074',
			'B,no coordinates,,',
			'C,bad coordinates,east,35.6',
			'D,off the globe,200,35.6',
			'A,same id again,140.13,35.61',
			'E,same place as A,140.1233,35.6074',
			'F,in Bristol,-2.58,51.45'
		].join('\n');

		const { report } = await importText(csv, lonLat, { insideCityOnly: true });

		expect(report.read).toBe(7);
		expect(report.inserted).toBe(1);
		expect(skippedCount(report, 'missing_coordinates')).toBe(1);
		expect(skippedCount(report, 'invalid_coordinates')).toBe(2);
		expect(skippedCount(report, 'duplicate_id')).toBe(1);
		expect(skippedCount(report, 'duplicate_position')).toBe(1);
		expect(skippedCount(report, 'outside_city')).toBe(1);
		const outside = report.skipped.find((s) => s.reason === 'outside_city');
		expect(outside?.examples).toEqual([{ row: 7, values: 'F, in Bristol, -2.58, 51.45' }]);
	});

	it('skips a row whose position another asset of the layer already has', async () => {
		const { code } = await importText('id,name,lon,lat\nA,a,140.1,35.6\n', lonLat);

		const { report } = await importText('id,name,lon,lat\nZ,z,140.1,35.6\n', lonLat, {
			layer: code
		});

		expect(report.inserted).toBe(0);
		expect(skippedCount(report, 'duplicate_position')).toBe(1);
	});

	it('reads a single "lat,lon" column', async () => {
		const csv = 'id,name,位置\nA,市役所,"35.6074, 140.1233"\nB,bad,35.6\n';

		const { code, report } = await importText(csv, {
			id: 'id',
			name: 'name',
			coordinates: { kind: 'latlon', column: '位置' }
		});

		expect(report.inserted).toBe(1);
		expect(skippedCount(report, 'invalid_coordinates')).toBe(1);
		const layer = await assets.readLayer(null, code);
		const [asset] = await assets.listAssets(null, layer!.id, 1);
		expect(asset).toMatchObject({ externalId: 'A', name: '市役所', lon: 140.1233, lat: 35.6074 });
	});

	it('changes nothing when the same file is imported again', async () => {
		const csv = 'lon,lat\n140.1,35.6\n140.2,35.7\n';
		const mapping: assets.Mapping = {
			id: null,
			name: null,
			coordinates: { kind: 'columns', longitude: 'lon', latitude: 'lat' }
		};
		const { code, report: first } = await importText(csv, mapping);

		const { report: again } = await importText(csv, mapping, { layer: code });

		expect(first.inserted).toBe(2);
		expect(again).toMatchObject({ read: 2, inserted: 0, updated: 0, unchanged: 2, skipped: [] });
		expect((await assets.readLayer(null, code))?.assetCount).toBe(2);
	});

	it('updates an asset whose row changed, matched by its id', async () => {
		const { code } = await importText('id,name,lon,lat\nA,old,140.1,35.6\n', lonLat);

		const { report } = await importText('id,name,lon,lat\nA,new,140.1,35.6\n', lonLat, {
			layer: code
		});

		expect(report).toMatchObject({ inserted: 0, updated: 1 });
		const layer = await assets.readLayer(null, code);
		expect((await assets.listAssets(null, layer!.id, 1))[0].name).toBe('new');
	});

	it('decodes a Shift_JIS file', async () => {
		const csv = '管理番号,名称,経度,緯度\r\nM-1,髙田の①カーブミラー,140.1233,35.6074\r\n';
		const sjis = Uint8Array.from(Encoding.convert(Encoding.stringToCode(csv), 'SJIS', 'UNICODE'));
		const code = await newLayer();

		const id = await assets.upload(organiser, code, { name: 'mirrors.csv', bytes: sjis });
		const shown = await assets.preview(organiser, id);
		const report = await assets.runImport(organiser, id, shown!.suggested, true);

		expect(shown).toMatchObject({
			encoding: 'shift_jis',
			columns: ['管理番号', '名称', '経度', '緯度']
		});
		expect(report.inserted).toBe(1);
		const layer = await assets.readLayer(null, code);
		expect((await assets.listAssets(null, layer!.id, 1))[0]).toMatchObject({
			externalId: 'M-1',
			name: '髙田の①カーブミラー'
		});
	});

	it('refuses a file in an encoding it cannot read', async () => {
		const utf16 = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x2c, 0x00, 0x42, 0x00]);

		await expect(
			assets.upload(organiser, await newLayer(), { name: 'x.csv', bytes: utf16 })
		).rejects.toEqual(new DomainError('import_unknown_encoding'));
	});

	it('refuses a mapping that names a column the file does not have', async () => {
		const code = await newLayer();
		const id = await assets.upload(organiser, code, {
			name: 'a.csv',
			bytes: new TextEncoder().encode('lon,lat\n140.1,35.6\n')
		});

		await expect(assets.runImport(organiser, id, { ...lonLat, id: 'nope' }, false)).rejects.toEqual(
			new DomainError('import_bad_mapping')
		);
	});

	it('keeps another organiser from running someone else’s upload', async () => {
		const code = await newLayer();
		const id = await assets.upload(organiser, code, {
			name: 'a.csv',
			bytes: new TextEncoder().encode('lon,lat\n140.1,35.6\n')
		});
		const other = await createPerson(['organiser']);

		await expect(assets.runImport(other, id, lonLat, false)).rejects.toEqual(
			new DomainError('import_not_found')
		);
	});
});

describe('importing real files', () => {
	it('imports the 363 designated emergency shelters of Chiba City', async () => {
		const bytes = readFileSync(
			join(REAL_DATA_DIR, 'facilities/gsi_shelters_emergency_121002_chiba_city.geojson')
		);
		const code = await newLayer();
		const id = await assets.upload(organiser, code, { name: 'shelters.geojson', bytes });
		const shown = await assets.preview(organiser, id);

		const report = await assets.runImport(
			organiser,
			id,
			{ id: '共通ID', name: '施設・場所名', coordinates: { kind: 'geometry' } },
			true
		);

		expect(shown?.columns).toContain('施設・場所名');
		expect(report).toMatchObject({ read: 363, inserted: 363, skipped: [] });
		const layer = await assets.readLayer(null, code);
		const list = await assets.listAssets(null, layer!.id, 1);
		expect(list[0]).toMatchObject({ externalId: 'E1210000001201', name: '稲丘小学校' });
	});

	it('imports the 49,451 Bristol streetlights, reporting repeated positions', async () => {
		const bytes = readFileSync(
			join(REAL_DATA_DIR, 'streetlights/bristol_streetlights_lonlat_saferoute.csv')
		);
		const code = await newLayer();
		const id = await assets.upload(organiser, code, { name: 'bristol.csv', bytes });
		const shown = await assets.preview(organiser, id);

		const report = await assets.runImport(organiser, id, shown!.suggested, false);

		expect(shown?.suggested).toEqual({
			id: null,
			name: null,
			coordinates: { kind: 'columns', longitude: 'longitude', latitude: 'latitude' }
		});
		expect(report.read).toBe(49_451);
		const repeats = skippedCount(report, 'duplicate_position');
		expect(repeats).toBeGreaterThan(0);
		expect(report.inserted + repeats).toBe(49_451);
		expect((await assets.readLayer(null, code))?.assetCount).toBe(report.inserted);
		console.log(
			`Bristol import: ${report.inserted} imported, ${repeats} repeated positions, ${report.ms} ms`
		);

		const layer = (await assets.readLayer(null, code))!;
		const city = await viewport(null, layer.id, (await extent(null, layer.id))!, 11);
		const cells = city.features.map((f) => f.properties);
		expect(cells.length).toBeLessThan(2000);
		expect(cells.reduce((sum, cell) => sum + (cell.kind === 'cluster' ? cell.count : 1), 0)).toBe(
			report.inserted
		);
		const street = await viewport(null, layer.id, [-2.5375, 51.49, -2.5355, 51.491], 18);
		expect(street.features.length).toBeGreaterThan(0);
		expect(street.features[0].properties).toMatchObject({ kind: 'asset', status: 'unchecked' });
	}, 120_000);

	it('seeds the demo shelter layer with the 363 designated emergency shelters', async () => {
		await asSystem('spec-seed-assets', async (tx) => {
			const [{ seeded }] = await tx<{ seeded: boolean }[]>`
				select exists (select 1 from public.asset_layers where code = 'shelters') as seeded`;
			if (!seeded) await seedAssets(tx);
		});

		const layer = await assets.readLayer(null, 'shelters');

		expect(layer).toMatchObject({ nameJa: '指定緊急避難場所', assetCount: 363 });
		// Hundreds of rows with Japanese names reach the map in one answer.
		const city = await viewport(null, layer!.id, [139.9, 35.4, 140.4, 35.8], 10);
		expect(city.features).toHaveLength(363);
	});
});
