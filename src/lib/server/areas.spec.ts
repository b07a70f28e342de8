import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createZone, zoneGeometries } from './areas';
import { submit } from './entries';
import { DomainError } from './errors';
import {
	createOpenCampaign,
	createPerson,
	ensurePlaces,
	pendingPhoto,
	useTestDatabase
} from './testing';
import { asSystem, type Actor } from './db';

const boundaries = join(process.env.REAL_DATA_DIR ?? '../shared/data', 'boundaries');
const realFile = (name: string) => new Uint8Array(readFileSync(join(boundaries, name)));
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	organiser = await createPerson(['organiser']);
});

describe('reading a zone file', () => {
	it('takes every polygon feature of a real ward file, islands included', () => {
		// 中央区 in the detailed N03 file: the mainland and its islands as separate features.
		const geometries = zoneGeometries(realFile('geolonia_n03_2022_12101.json'));
		expect(geometries.length).toBeGreaterThan(0);
		expect(geometries.every((g) => /Polygon$/.test((g as { type: string }).type))).toBe(true);
	});

	it('says a file that is not JSON is unreadable', () => {
		expect(() => zoneGeometries(new TextEncoder().encode('<kml></kml>'))).toThrow(
			new DomainError('zone_unreadable')
		);
	});

	it('says a file of points holds no polygon', () => {
		const points = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [140.1, 35.6] } }
			]
		};
		expect(() => zoneGeometries(encode(points))).toThrow(new DomainError('zone_not_polygon'));
	});

	it('says a bare point holds no polygon', () => {
		expect(() => zoneGeometries(encode({ type: 'Point', coordinates: [140.1, 35.6] }))).toThrow(
			new DomainError('zone_not_polygon')
		);
	});

	it('refuses a file larger than 5 MB before parsing it', () => {
		expect(() => zoneGeometries(new Uint8Array(6 * 1024 * 1024))).toThrow(
			new DomainError('zone_too_large')
		);
	});
});

describe('a campaign over an uploaded zone', () => {
	async function entryAt(campaign: string, lon: number, lat: number) {
		const citizen = await createPerson();
		const photo = await pendingPhoto(citizen);
		return submit(citizen, {
			campaignId: campaign,
			photoId: photo,
			lon,
			lat,
			comment: '',
			idempotencyKey: null
		});
	}

	it('follows the real 緑区 boundary: clockwise rings, holes and an exclave', async () => {
		const zone = await createZone(
			organiser,
			zoneGeometries(realFile('geolonia_n03_2022_12105.json')),
			'緑区'
		);
		expect(zone.areaKm2).toBeGreaterThan(60);
		expect(zone.areaKm2).toBeLessThan(70);
		const campaign = await createOpenCampaign(organiser, { wardCodes: [], zoneId: zone.id });

		// Inside 緑区 (near Kamatori station) the entry counts; in 中央区 it is refused.
		await expect(entryAt(campaign, 140.1853, 35.5683)).resolves.toMatchObject({
			status: 'approved'
		});
		await expect(entryAt(campaign, 140.1233, 35.6074)).rejects.toEqual(
			new DomainError('outside_area')
		);

		// A point inside one of the holes is outside the zone.
		const [hole] = await asSystem(
			'spec-hole',
			(tx) => tx<{ lon: number; lat: number }[]>`
			select extensions.st_x(p) as lon, extensions.st_y(p) as lat from (
				select extensions.st_pointonsurface(extensions.st_makepolygon(
					extensions.st_interiorringn((d).geom, 1))) as p
				from (select extensions.st_dump(geom) as d from public.areas where id = ${zone.id}) parts
				where extensions.st_numinteriorrings((d).geom) > 0 limit 1) h`
		);
		expect(hole).toBeDefined();
		await expect(entryAt(campaign, hole.lon, hole.lat)).rejects.toEqual(
			new DomainError('outside_area')
		);
	});

	it('refuses a zone that lies outside the city', async () => {
		const tokyo = {
			type: 'Polygon',
			coordinates: [
				[
					[139.7, 35.6],
					[139.8, 35.6],
					[139.8, 35.7],
					[139.7, 35.7],
					[139.7, 35.6]
				]
			]
		};
		await expect(createZone(organiser, [tokyo], 'Tokyo')).rejects.toEqual(
			new DomainError('zone_outside_city')
		);
	});

	it('refuses latitude and longitude given the wrong way round', async () => {
		const swapped = {
			type: 'Polygon',
			coordinates: [
				[
					[35.6, 140.1],
					[35.6, 140.2],
					[35.7, 140.2],
					[35.7, 140.1],
					[35.6, 140.1]
				]
			]
		};
		await expect(createZone(organiser, [swapped], 'swapped')).rejects.toBeInstanceOf(DomainError);
	});

	it('lets only organisers add zones', async () => {
		const citizen = await createPerson();
		const square = {
			type: 'Polygon',
			coordinates: [
				[
					[140.1, 35.6],
					[140.13, 35.6],
					[140.13, 35.62],
					[140.1, 35.62],
					[140.1, 35.6]
				]
			]
		};
		await expect(createZone(citizen, [square], 'mine')).rejects.toEqual(
			new DomainError('not_allowed')
		);
	});
});
