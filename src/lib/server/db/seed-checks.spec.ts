import { beforeAll, describe, expect, it } from 'vitest';
import { coverage, faultsForStaff } from '../checks';
import { createPerson, ensurePlaces, uniquePerson, useTestDatabase } from '../testing';
import { asSystem, type Actor } from '.';
import { seedShelterCheck } from './seed-checks';

let organiser: Actor;
let citizens: Actor[];
let campaign: string;

/** Ten shelters around Chiba City Hall (中央区), about 100 m apart. */
const SHELTERS = Array.from({ length: 10 }, (_, i) => ({
	id: `S${String(i).padStart(2, '0')}`,
	lon: 140.1233 + i * 0.001,
	lat: 35.6074
}));

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	organiser = await createPerson(['organiser', 'staff']);
	citizens = await Promise.all(Array.from({ length: 5 }, () => createPerson()));
	const code = `shelters-${uniquePerson('s').nickname.toLowerCase()}`.slice(0, 40);
	campaign = await asSystem('spec-seed-checks', async (tx) => {
		const [layer] = await tx<{ id: number }[]>`
			insert into public.asset_layers (code, name_ja, name_en)
			values (${code}, '避難所', 'Shelters') returning id::int`;
		for (const s of SHELTERS) {
			await tx`insert into public.assets (layer_id, external_id, name, location)
				values (${layer.id}, ${s.id}, ${`避難所 ${s.id}`},
					extensions.st_setsrid(extensions.st_makepoint(${s.lon}, ${s.lat}), 4326))`;
		}
		// The photo's bytes do not matter here, only that the check has one.
		const photo = async (owner: string, seed: number) => {
			const [{ id }] = await tx<{ id: string }[]>`
				insert into public.photos (owner_id, state, display_key, thumb_key, width, height)
				values (${owner}, 'attached', ${`spec-${seed}-d-${owner}`}, ${`spec-${seed}-t-${owner}`},
					64, 64)
				returning id`;
			return id;
		};
		return seedShelterCheck(
			tx,
			layer.id,
			organiser.id,
			citizens.map((c) => c.id),
			photo
		);
	});
});

describe('the demo shelter check', () => {
	it('has seven of its shelters checked, three with a fault flagged for staff', async () => {
		expect(await coverage(null, campaign)).toEqual({ total: 10, checked: 7, faulty: 3 });

		const faults = await faultsForStaff(organiser, campaign);
		expect(faults).toHaveLength(3);
		expect(faults.every((fault) => fault.photoId !== null)).toBe(true);
	});

	it('gives each check its points, the first-check bonus, and the fault bonus once', async () => {
		const lines = await asSystem(
			'spec-seed-checks-ledger',
			(tx) =>
				tx<{ reason: string; points: number; count: number }[]>`
				select reason, points, count(*)::int as count from public.point_events
				where campaign_id = ${campaign} group by reason, points order by reason`
		);

		expect(lines).toEqual([
			{ reason: 'entry_approved', points: 10, count: 7 },
			{ reason: 'fault_found', points: 10, count: 3 },
			{ reason: 'first_check', points: 5, count: 7 }
		]);
	});
});
