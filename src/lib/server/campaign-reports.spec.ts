import { beforeAll, describe, expect, it } from 'vitest';
import { submitCheck } from './checks';
import { asSystem, asUser, type Actor } from './db';
import { driveReports } from './entries';
import * as reports from './reports';
import { leaderboard } from './scoring';
import {
	CHUO,
	createOpenCampaign,
	createPerson,
	pendingPhoto,
	uniquePerson,
	useTestDatabase
} from './testing';

let organiser: Actor;
let staff: Actor;
/** A point in 美浜区, outside a drive over 中央区. */
const MIHAMA = { lon: 140.0625, lat: 35.6397 };

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
	staff = await createPerson(['staff']);
});

function report(overrides: Partial<reports.NewReport> = {}): reports.NewReport {
	return {
		categoryCode: 'road-damage',
		lon: CHUO.lon + Math.random() * 0.005,
		lat: CHUO.lat,
		wardCode: null,
		address: '',
		description: '段差があります',
		photoIds: [],
		channel: 'app',
		idempotencyKey: null,
		...overrides
	};
}

describe('a report drive', () => {
	it('counts a report of its categories inside its area as the reporter’s entry, with points', async () => {
		const drive = await createOpenCampaign(organiser, {
			kind: 'report_drive',
			categoryCodes: ['road-damage'],
			wardCodes: ['12101'],
			pointsPerEntry: 15
		});
		const citizen = await createPerson();

		const counted = await reports.create(citizen, report());
		await reports.create(citizen, report({ categoryCode: 'dumping' }));
		await reports.create(citizen, report({ ...MIHAMA }));
		await reports.create(staff, report({ channel: 'phone' }));

		const listed = await driveReports(null, drive);
		expect(listed.map((r) => r.number)).toEqual([counted.number]);
		const board = await leaderboard(null, drive);
		expect(board.top).toMatchObject([{ userId: citizen.id, points: 15 }]);
	});

	it('counts a ward and a typed address in a drive over that ward', async () => {
		const drive = await createOpenCampaign(organiser, {
			kind: 'report_drive',
			categoryCodes: ['road-damage'],
			wardCodes: ['12105']
		});
		const citizen = await createPerson();
		const made = await reports.create(
			citizen,
			report({ lon: null, lat: null, wardCode: '12105', address: '誉田町1丁目' })
		);
		expect((await driveReports(null, drive)).map((r) => r.number)).toEqual([made.number]);
	});
});

describe('a fault found by an asset check', () => {
	let layerId: number;
	let lamp: number;
	const at = { lon: 140.1299, lat: 35.6121 };

	beforeAll(async () => {
		const code = `lights-${uniquePerson('l').nickname.toLowerCase()}`.slice(0, 40);
		[layerId, lamp] = await asSystem('spec-fault-layer', async (tx) => {
			const [layer] = await tx<{ id: number }[]>`
				insert into public.asset_layers (code, name_ja, name_en, category_code)
				values (${code}, '街路灯', 'Streetlights', 'streetlight') returning id::int`;
			const [asset] = await tx<{ id: number }[]>`
				insert into public.assets (layer_id, external_id, name, location)
				values (${layer.id}, 'SL-1', '中央公園前 街路灯1',
					extensions.st_setsrid(extensions.st_makepoint(${at.lon}, ${at.lat}), 4326))
				returning id::int`;
			return [layer.id, asset.id];
		});
	});

	async function faulty(campaignId: string, person: Actor) {
		return submitCheck(person, {
			campaignId,
			assetId: lamp,
			condition: 'faulty',
			photoId: await pendingPhoto(person),
			lon: at.lon,
			lat: at.lat,
			comment: '点灯しません',
			idempotencyKey: null
		});
	}

	async function linkedReport(entryId: string) {
		const [row] = await asSystem(
			'spec-fault-report',
			(tx) => tx<{ number: number | null; needsStaff: boolean }[]>`
				select r.number::int as number, e.needs_staff as "needsStaff"
				from public.entries e left join public.reports r on r.id = e.report_id
				where e.id = ${entryId}`
		);
		return row;
	}

	it('opens a report in the layer’s category for the ward’s office, with the check’s photo', async () => {
		const campaign = await createOpenCampaign(organiser, {
			kind: 'asset_check',
			assetLayerId: layerId,
			wardCodes: ['12101']
		});
		const citizen = await createPerson();
		const entry = await faulty(campaign, citizen);

		const link = await linkedReport(entry.id);
		expect(link.needsStaff).toBe(false);
		const opened = await reports.read(citizen, link.number!);
		expect(opened).toMatchObject({
			categoryCode: 'streetlight',
			officeCode: 'civil-chuo-mihama',
			status: 'received',
			reportedByMe: true,
			followedByMe: true
		});
		expect(opened?.photos).toHaveLength(1);
		expect(opened?.description).toContain('中央公園前 街路灯1');
	});

	it('joins a second fault on the same asset to the open report as a "me too"', async () => {
		const campaign = await createOpenCampaign(organiser, {
			kind: 'asset_check',
			assetLayerId: layerId,
			wardCodes: ['12101']
		});
		const [first, second] = [await createPerson(), await createPerson()];
		const one = await linkedReport((await faulty(campaign, first)).id);
		const two = await linkedReport((await faulty(campaign, second)).id);

		expect(two.number).toBe(one.number);
		expect(await reports.read(second, one.number!)).toMatchObject({
			meTooByMe: true,
			followedByMe: true
		});
		const count = await asUser(
			null,
			(tx) => tx<
				{ n: number }[]
			>`select count(*)::int as n from public.reports where asset_id = ${lamp}
				and status in ('received', 'in_progress')`
		);
		expect(count).toEqual([{ n: 1 }]);
	});
});
