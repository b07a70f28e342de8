import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { DomainError } from './errors';
import { campaignAssets, coverage, faultsForStaff, submitCheck, type NewCheck } from './checks';
import { leaderboard } from './scoring';
import {
	createOpenCampaign,
	createPerson,
	pendingPhoto,
	uniquePerson,
	useTestDatabase
} from './testing';

let organiser: Actor;
let layerId: number;
/** Three lamps in 中央区, about 100 m apart, and one in 美浜区. */
const lamps = [
	{ id: 'L1', lon: 140.1233, lat: 35.6074 },
	{ id: 'L2', lon: 140.1244, lat: 35.6074 },
	{ id: 'L3', lon: 140.1255, lat: 35.6074 },
	{ id: 'M1', lon: 140.0625, lat: 35.6397 }
];
const assetIds: Record<string, number> = {};

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
	const code = `lamps-${uniquePerson('l').nickname.toLowerCase()}`.slice(0, 40);
	await asSystem('spec-layer', async (tx) => {
		const [layer] = await tx<{ id: number }[]>`
			insert into public.asset_layers (code, name_ja, name_en)
			values (${code}, '街路灯', 'Streetlights') returning id::int`;
		layerId = layer.id;
		for (const lamp of lamps) {
			const [asset] = await tx<{ id: number }[]>`
				insert into public.assets (layer_id, external_id, name, location)
				values (${layerId}, ${lamp.id}, ${`Lamp ${lamp.id}`},
					extensions.st_setsrid(extensions.st_makepoint(${lamp.lon}, ${lamp.lat}), 4326))
				returning id::int`;
			assetIds[lamp.id] = asset.id;
		}
	});
});

async function checkCampaign(overrides = {}) {
	return createOpenCampaign(organiser, {
		kind: 'asset_check',
		assetLayerId: layerId,
		wardCodes: ['12101'],
		pointsPerEntry: 10,
		firstCheckBonus: 5,
		faultBonus: 20,
		...overrides
	});
}

function check(campaignId: string, lamp: string, extra: Partial<NewCheck> = {}): NewCheck {
	const at = lamps.find((l) => l.id === lamp)!;
	return {
		campaignId,
		assetId: assetIds[lamp],
		condition: 'working',
		photoId: null,
		lon: at.lon + 0.0001, // about 9 m east
		lat: at.lat,
		comment: '',
		idempotencyKey: null,
		...extra
	};
}

describe('checking an asset', () => {
	it('counts the assets of the layer inside the area only, and the checks against them', async () => {
		const campaign = await checkCampaign();
		const citizen = await createPerson();
		expect(await coverage(null, campaign)).toEqual({ total: 3, checked: 0, faulty: 0 });

		await submitCheck(citizen, check(campaign, 'L1'));
		const photo = await pendingPhoto(citizen);
		await submitCheck(citizen, check(campaign, 'L2', { condition: 'faulty', photoId: photo }));

		expect(await coverage(null, campaign)).toEqual({ total: 3, checked: 2, faulty: 1 });
		const { assets } = await campaignAssets(null, campaign, { near: lamps[2] });
		expect(assets.map((a) => [a.externalId, a.state])).toEqual([
			['L3', 'unchecked'],
			['L2', 'faulty'],
			['L1', 'ok']
		]);
	});

	it('gives the first-check bonus once per asset and the fault bonus for each fault', async () => {
		const campaign = await checkCampaign();
		const first = await createPerson();
		const second = await createPerson();

		await submitCheck(first, check(campaign, 'L1'));
		const photo = await pendingPhoto(second);
		await submitCheck(second, check(campaign, 'L1', { condition: 'missing', photoId: photo }));

		const board = await leaderboard(null, campaign);
		const points = Object.fromEntries(board.top.map((line) => [line.userId, line.points]));
		expect(points[first.id]).toBe(10 + 5);
		expect(points[second.id]).toBe(10 + 20);
	});

	it('flags a fault for staff and not a working asset', async () => {
		const campaign = await checkCampaign();
		const citizen = await createPerson();
		await submitCheck(citizen, check(campaign, 'L1'));
		const photo = await pendingPhoto(citizen);
		await submitCheck(citizen, check(campaign, 'L3', { condition: 'obstructed', photoId: photo }));

		const faults = await faultsForStaff(organiser, campaign);
		expect(faults.map((f) => [f.assetExternalId, f.condition])).toEqual([['L3', 'obstructed']]);
	});

	it('needs a photo for anything but working', async () => {
		const campaign = await checkCampaign();
		const citizen = await createPerson();
		await expect(
			submitCheck(citizen, check(campaign, 'L1', { condition: 'faulty' }))
		).rejects.toEqual(new DomainError('check_photo_required'));
	});

	it('refuses a check sent from farther than the campaign radius', async () => {
		const campaign = await checkCampaign({ checkRadiusM: 50 });
		const citizen = await createPerson();
		// L1's position, checked from L3 about 200 m away
		await expect(
			submitCheck(citizen, check(campaign, 'L1', { lon: lamps[2].lon, lat: lamps[2].lat }))
		).rejects.toEqual(new DomainError('too_far_from_asset'));
	});

	it('refuses an asset outside the campaign area', async () => {
		const campaign = await checkCampaign();
		const citizen = await createPerson();
		await expect(submitCheck(citizen, check(campaign, 'M1'))).rejects.toEqual(
			new DomainError('asset_not_in_campaign')
		);
	});

	it('refuses a check for a photo hunt', async () => {
		const hunt = await createOpenCampaign(organiser);
		const citizen = await createPerson();
		await expect(submitCheck(citizen, check(hunt, 'L1'))).rejects.toEqual(
			new DomainError('not_an_asset_check')
		);
	});

	it('gives the first-check bonus to one of two checks sent at the same moment', async () => {
		const campaign = await checkCampaign();
		const people = await Promise.all(Array.from({ length: 6 }, () => createPerson()));
		await Promise.all(people.map((person) => submitCheck(person, check(campaign, 'L2'))));

		const [{ bonuses }] = await asSystem(
			'spec-bonus',
			(tx) => tx<{ bonuses: number }[]>`
			select count(*)::int as bonuses from public.point_events
			where campaign_id = ${campaign} and reason = 'first_check'`
		);
		expect(bonuses).toBe(1);
	});
});
