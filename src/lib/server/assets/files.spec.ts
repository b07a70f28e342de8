import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { decode, detectEncoding, readCsv, readGeojson, FileError } from './files';
import { positionId, prepare, type Mapping } from './mapping';

const CSV = '管理番号,名称,経度,緯度\r\nM-1,髙橋町①ミラー,140.1233,35.6074\r\n';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp932 = (text: string) =>
	Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), 'SJIS', 'UNICODE'));

describe('detecting the encoding', () => {
	it('reads UTF-8 without a byte order mark', () => {
		expect(detectEncoding(utf8(CSV))).toBe('utf-8');
	});

	it('reads UTF-8 with a byte order mark and drops the mark', () => {
		const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CSV)]);

		expect(detectEncoding(bytes)).toBe('utf-8-bom');
		expect(decode(bytes, 'utf-8-bom')).toBe(CSV);
	});

	it('reads Shift_JIS (cp932) with its NEC extensions', () => {
		const bytes = cp932(CSV);

		expect(detectEncoding(bytes)).toBe('shift_jis');
		expect(decode(bytes, 'shift_jis')).toBe(CSV);
	});

	it('takes a plain ASCII file as UTF-8', () => {
		expect(detectEncoding(utf8('longitude,latitude\r\n-2.5,51.4\r\n'))).toBe('utf-8');
	});

	it('refuses UTF-16', () => {
		expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]))).toBeNull();
	});
});

describe('reading files', () => {
	it('names unnamed and repeated CSV headers apart', () => {
		const file = readCsv('id,,id\n1,2,3\n');

		expect(file).toMatchObject({ columns: ['id', '#2', 'id (3)'] });
	});

	it('refuses GeoJSON that is not a FeatureCollection', () => {
		expect(() => readGeojson('{"type":"Point","coordinates":[1,2]}')).toThrow(FileError);
	});
});

describe('mapping rows to assets', () => {
	const csv = (text: string) => readCsv(text);

	it('reads one "lat,lon" column, also with a Japanese comma and full-width digits', () => {
		const mapping: Mapping = { id: 'id', name: null, coordinates: { kind: 'latlon', column: 'p' } };

		const { candidates, skipped } = prepare(
			csv('id,p\nA,"35.6074, 140.1233"\nB,３５．６、１４０．２\nC,35.6\n'),
			mapping
		);

		expect(candidates.map(({ externalId, lon, lat }) => ({ externalId, lon, lat }))).toEqual([
			{ externalId: 'A', lon: 140.1233, lat: 35.6074 },
			{ externalId: 'B', lon: 140.2, lat: 35.6 }
		]);
		expect(skipped).toEqual([{ row: 3, reason: 'invalid_coordinates', values: 'C, 35.6' }]);
	});

	it('gives rows without ids a stable id from their position', () => {
		const mapping: Mapping = {
			id: null,
			name: null,
			coordinates: { kind: 'columns', longitude: 'lon', latitude: 'lat' }
		};

		const { candidates, skipped } = prepare(
			csv('lon,lat\n-2.53660114,51.49049679\n-2.53660114,51.49049679\n'),
			mapping
		);

		expect(candidates.map((c) => c.externalId)).toEqual([positionId(-2.5366011, 51.4904968)]);
		expect(candidates[0].externalId).toBe('@-2.5366011,51.4904968');
		expect(skipped.map((s) => s.reason)).toEqual(['duplicate_position']);
	});

	it('skips GeoJSON features that are not points', () => {
		const file = readGeojson(
			JSON.stringify({
				type: 'FeatureCollection',
				features: [
					{ type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: [140.1, 35.6] } },
					{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[140, 35]] } },
					{ type: 'Feature', geometry: null, properties: { name: 'nowhere' } }
				]
			})
		);

		const { candidates, skipped } = prepare(file, {
			id: '@id',
			name: 'name',
			coordinates: { kind: 'geometry' }
		});

		expect(candidates.map((c) => c.externalId)).toEqual(['7']);
		expect(skipped.map((s) => s.reason)).toEqual(['not_a_point', 'missing_coordinates']);
	});

	it('keeps the columns it did not map as the asset’s properties', () => {
		const { candidates } = prepare(csv('id,name,lon,lat,住所\nA,a,140.1,35.6,中央区\n'), {
			id: 'id',
			name: 'name',
			coordinates: { kind: 'columns', longitude: 'lon', latitude: 'lat' }
		});

		expect(candidates[0].properties).toEqual({ 住所: '中央区' });
	});
});
