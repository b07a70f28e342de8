import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, asUser, type Actor } from './db';
import { DomainError } from './errors';
import * as imports from './report-imports';
import type { ImportStatus } from './report-imports/rows';
import { createPerson, ensurePlaces, useTestDatabase } from './testing';

const REAL = resolve(process.env.REAL_DATA_DIR ?? '../shared/data');
const ST_LOUIS = join(REAL, 'civic_reports/stlouis_csb_2009.csv');

let staff: Actor;
let citizen: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	staff = await createPerson(['staff']);
	citizen = await createPerson();
});

/** St. Louis CSB groups mapped to our categories, all but Animals (left unmapped on purpose). */
const GROUPS: Record<string, string> = {
	Trees: 'other',
	'Trash/Debris': 'dumping',
	Vehicles: 'other',
	'Street Lights': 'streetlight',
	'Street Sign/Painting': 'sign',
	Graffiti: 'other'
};

async function importStLouis(): Promise<imports.ImportReport> {
	const bytes = readFileSync(ST_LOUIS);
	const id = await imports.upload(staff, { name: 'stlouis_csb_2009.csv', bytes });
	const shown = await imports.preview(staff, id);
	if (!shown) throw new Error('the upload is not pending');
	expect(shown.suggested).toMatchObject({
		externalId: 'REQUESTID',
		createdAt: 'DATETIMEINIT',
		closedAt: 'DATETIMECLOSED',
		statusColumn: 'STATUS',
		x: 'SRX',
		y: 'SRY',
		system: 'missouri-east-ftus',
		zone: 'America/Chicago',
		insideCityOnly: false
	});
	const choice = { ...shown.suggested, categoryColumn: 'GROUP', description: 'DESCRIPTION' };
	await imports.chooseColumns(staff, id, choice);

	const values = (await imports.preview(staff, id))!;
	expect(values.statusValues).toEqual([
		{ value: 'cancel', suggested: 'closed' },
		{ value: 'closed', suggested: 'resolved' }
	]);
	const categories = Object.fromEntries(
		values.categoryValues.map((v) => [v, v === 'Animals' ? '' : (GROUPS[v] ?? 'other')])
	);
	const statuses: Record<string, ImportStatus | ''> = { closed: 'resolved', cancel: '' };
	return imports.runImport(staff, id, imports.mappingOf(choice, categories, statuses));
}

function counts(report: imports.ImportReport) {
	return Object.fromEntries(report.skipped.map((s) => [s.reason, s.count]));
}

describe('importing the St. Louis service requests of 2009', () => {
	let first: imports.ImportReport;

	beforeAll(async () => {
		first = await importStLouis();
	}, 120_000);

	it('takes 630 of 802 rows and says why each other row was skipped', () => {
		expect(first.read).toBe(802);
		expect(first.imported).toBe(630);
		expect(counts(first)).toEqual({
			missing_coordinates: 23,
			closed_before_opened: 1,
			unknown_category: 74,
			unknown_status: 26,
			duplicate_id: 48
		});
		expect(first.lateClosed.count).toBe(118);
		const closedEarly = first.skipped.find((s) => s.reason === 'closed_before_opened');
		expect(closedEarly?.examples[0].values).toMatch(/2009-08-21 14:48:37/);
	});

	it('places a report in St. Louis, reads its times in Chicago and gives it no ward', async () => {
		const [report] = await asSystem(
			'spec-import-read',
			(tx) => tx<
				{
					lon: number;
					lat: number;
					createdAt: Date;
					resolvedAt: Date;
					ward: string | null;
					status: string;
					reporter: string | null;
					lines: string[];
				}[]
			>`
			select extensions.st_x(location) as lon, extensions.st_y(location) as lat,
				created_at as "createdAt", resolved_at as "resolvedAt", ward_id::text as ward, status,
				reporter_id as reporter,
				(select array_agg(u.kind || ':' || coalesce(u.status, '') order by u.id)
					from public.report_updates u where u.report_id = r.id) as lines
			from public.reports r where channel = 'import' and external_id = '9155'`
		);

		expect(report.lon).toBeGreaterThan(-90.32);
		expect(report.lon).toBeLessThan(-90.17);
		expect(report.lat).toBeGreaterThan(38.53);
		expect(report.lat).toBeLessThan(38.78);
		// 2009-01-02 08:26:34 and 2014-12-03 11:16:34.96 in Chicago (CST, UTC−6).
		expect(report.createdAt.toISOString()).toBe('2009-01-02T14:26:34.000Z');
		expect(report.resolvedAt.toISOString()).toBe('2014-12-03T17:16:34.960Z');
		expect(report).toMatchObject({ ward: null, status: 'resolved', reporter: null });
		expect(report.lines).toEqual(['created:received', 'status:resolved']);
	});

	it('lands every imported report inside St. Louis', async () => {
		const [box] = await asSystem(
			'spec-import-box',
			(tx) => tx<{ west: number; east: number; south: number; north: number }[]>`
			select min(extensions.st_x(location)) as west, max(extensions.st_x(location)) as east,
				min(extensions.st_y(location)) as south, max(extensions.st_y(location)) as north
			from public.reports where channel = 'import' and external_id ~ '^[0-9]+$'`
		);
		expect(box.west).toBeGreaterThan(-90.32);
		expect(box.east).toBeLessThan(-90.17);
		expect(box.south).toBeGreaterThan(38.53);
		expect(box.north).toBeLessThan(38.78);
	});

	it('skips every row of the same file again as already imported', async () => {
		const again = await importStLouis();
		expect(again.imported).toBe(0);
		expect(counts(again)).toMatchObject({ already_imported: 630 });
	}, 120_000);

	it('keeps a record of each import with its skip counts, for staff only', async () => {
		const list = await imports.listImports(staff);
		expect(list[0]).toMatchObject({ finished: true, imported: 0, skipped: 802 });
		expect(list[1]).toMatchObject({ finished: true, imported: 630, skipped: 172 });

		const seen = await asUser(citizen, (tx) => tx`select id from public.report_imports`);
		expect(seen).toHaveLength(0);
	});
});

describe('a small Chiba file in Japan Plane Rectangular IX', () => {
	// Chiba City Hall is at about x = 26,271 m east, y = −43,518 m north of the zone's origin.
	const CSV = [
		'番号,種別,内容,受付日時,完了日時,状態,X,Y',
		'C1,道路,穴があります,2024-05-01 09:00,2024-05-03 17:00,完了,26271,-43518',
		'C2,道路,段差,2024/05/02 10:30,,受付,26300,-43500',
		'C3,道路,日付が変,2024-13-40 10:00,,受付,26300,-43500',
		'C4,公園,ベンチ,2024-05-04 08:00,,受付,,',
		'C5,道路,市外,2024-05-05 08:00,,受付,0,-80000'
	].join('\n');

	it('converts the places, reads times in Tokyo, and skips what it cannot read', async () => {
		const id = await imports.upload(staff, {
			name: 'chiba.csv',
			bytes: new TextEncoder().encode(CSV)
		});
		const choice: imports.ColumnChoice = {
			externalId: '番号',
			categoryColumn: null,
			categoryCode: 'road-damage',
			description: '内容',
			address: null,
			createdAt: '受付日時',
			closedAt: '完了日時',
			statusColumn: '状態',
			system: 'jgd2011-ix',
			x: 'X',
			y: 'Y',
			zone: 'Asia/Tokyo',
			insideCityOnly: true
		};
		await imports.chooseColumns(staff, id, choice);
		const report = await imports.runImport(
			staff,
			id,
			imports.mappingOf(choice, {}, { 完了: 'resolved', 受付: 'received' })
		);

		expect(report.imported).toBe(2);
		expect(counts(report)).toEqual({
			unreadable_date: 1,
			missing_coordinates: 1,
			outside_city: 1
		});
		const [c1] = await asSystem(
			'spec-import-chiba',
			(tx) => tx<{ ward: string; created: Date; lon: number }[]>`
			select a.code as ward, r.created_at as created, extensions.st_x(r.location) as lon
			from public.reports r join public.areas a on a.id = r.ward_id
			where r.channel = 'import' and r.external_id = 'C1'`
		);
		expect(c1.ward).toBe('12101');
		expect(c1.created.toISOString()).toBe('2024-05-01T00:00:00.000Z');
		expect(c1.lon).toBeCloseTo(140.1233, 3);
	});

	it('refuses a citizen', async () => {
		const refused = await imports
			.upload(citizen, { name: 'x.csv', bytes: new TextEncoder().encode(CSV) })
			.then(
				() => null,
				(e: unknown) => e
			);
		expect(refused).toBeInstanceOf(DomainError);
	});
});
