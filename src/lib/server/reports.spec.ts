import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Actor } from './db';
import { DomainError } from './errors';
import * as reports from './reports';
import * as work from './report-work';
import { CHUO, createPerson, ensurePlaces, pendingPhoto, useTestDatabase } from './testing';

let citizen: Actor;
let neighbour: Actor;
let staff: Actor;
/** A point in 市原市, just south of the city. */
const ICHIHARA = { lon: 140.1155, lat: 35.498 };
/** A point in 美浜区 (the Makuhari seaside). */
const MIHAMA = { lon: 140.0625, lat: 35.6397 };

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	citizen = await createPerson();
	neighbour = await createPerson();
	staff = await createPerson(['staff']);
});

function report(overrides: Partial<reports.NewReport> = {}): reports.NewReport {
	return {
		categoryCode: 'road-damage',
		lon: CHUO.lon + Math.random() * 0.01,
		lat: CHUO.lat,
		wardCode: null,
		address: '',
		description: '歩道に穴があいています',
		photoIds: [],
		channel: 'app',
		idempotencyKey: null,
		...overrides
	};
}

async function refusal(work: Promise<unknown>): Promise<string> {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	return (error as DomainError).code;
}

describe('filing a report', () => {
	it('routes a road report in 中央区 to the civil works office of that ward, with its photos', async () => {
		const photos = [await pendingPhoto(citizen, 1), await pendingPhoto(citizen, 2)];
		const made = await reports.create(citizen, report({ photoIds: photos }));

		const read = await reports.read(null, made.number);
		expect(read).toMatchObject({
			status: 'received',
			wardCode: '12101',
			officeCode: 'civil-chuo-mihama',
			channel: 'app',
			followerCount: 1
		});
		expect(read?.photos.map((p) => p.photoId)).toEqual(photos);
		expect(read?.timeline.map((u) => u.kind)).toEqual(['created']);
	});

	it('routes a category with its own office there, wherever the place is', async () => {
		const made = await reports.create(
			citizen,
			report({ categoryCode: 'dumping', lon: MIHAMA.lon, lat: MIHAMA.lat })
		);
		expect((await reports.read(null, made.number))?.officeCode).toBe('waste');
	});

	it('refuses a place outside the city and can say whose it is', async () => {
		expect(
			await refusal(reports.create(citizen, report({ lon: ICHIHARA.lon, lat: ICHIHARA.lat })))
		).toBe('outside_city');
		expect(await reports.placeOwner(ICHIHARA.lon, ICHIHARA.lat)).toMatchObject({
			insideCity: false,
			ownerJa: '市原市',
			ownerEn: 'Ichihara City'
		});
		expect(await reports.placeOwner(CHUO.lon, CHUO.lat)).toMatchObject({
			insideCity: true,
			wardCode: '12101'
		});
	});

	it('takes a ward and a typed address instead of a point, marked approximate', async () => {
		const made = await reports.create(
			citizen,
			report({ lon: null, lat: null, wardCode: '12105', address: '誉田町2丁目24' })
		);
		expect(await reports.read(null, made.number)).toMatchObject({
			wardCode: '12105',
			address: '誉田町2丁目24',
			locationApproximate: true
		});
		expect(
			await refusal(reports.create(citizen, report({ lon: null, lat: null, wardCode: '12105' })))
		).toBe('location_required');
	});

	it('refuses an unknown category, an empty description and a fourth photo', async () => {
		expect(await refusal(reports.create(citizen, report({ categoryCode: 'nope' })))).toBe(
			'unknown_category'
		);
		expect(await refusal(reports.create(citizen, report({ description: '   ' })))).toBe(
			'description_required'
		);
		const four = await Promise.all([3, 4, 5, 6].map((seed) => pendingPhoto(citizen, seed)));
		expect(await refusal(reports.create(citizen, report({ photoIds: four })))).toBe(
			'too_many_photos'
		);
	});

	it('refuses another person’s photo', async () => {
		const theirs = await pendingPhoto(neighbour, 7);
		expect(await refusal(reports.create(citizen, report({ photoIds: [theirs] })))).toBe(
			'photo_missing'
		);
	});

	it('creates one report for a retried submission with the same key', async () => {
		const first = await reports.create(citizen, report({ idempotencyKey: 'retry-1' }));
		const again = await reports.create(citizen, report({ idempotencyKey: 'retry-1' }));
		expect(again).toEqual(first);
	});

	it('lets only staff take phone reports, whose caller only staff can read', async () => {
		expect(await refusal(reports.create(citizen, report({ channel: 'phone' })))).toBe(
			'channel_not_allowed'
		);
		const made = await reports.create(
			staff,
			report({ channel: 'phone', caller: { name: '千葉 花子', phone: '043-000-0000', email: '' } })
		);
		const read = await reports.read(null, made.number);
		expect(read).toMatchObject({ channel: 'phone', reporterNickname: null, followerCount: 0 });

		const callers = (actor: Actor) =>
			asUser(
				actor,
				(tx) => tx`select caller_name from public.report_contacts where report_id = ${made.id}`
			);
		expect(await callers(citizen)).toHaveLength(0);
		expect(await callers(staff)).toEqual([{ caller_name: '千葉 花子' }]);
	});
});

describe('before filing: nearby reports', () => {
	it('offers open reports of the same category within the category distance, nearest first', async () => {
		const spot = { lon: 140.1301, lat: 35.6101 };
		const near = await reports.create(citizen, report({ categoryCode: 'streetlight', ...spot }));
		await reports.create(citizen, report({ categoryCode: 'dumping', ...spot }));
		await reports.create(
			citizen,
			report({ categoryCode: 'streetlight', lon: spot.lon + 0.002, lat: spot.lat })
		);

		const found = await reports.nearby(neighbour, 'streetlight', spot.lon + 0.0002, spot.lat);
		expect(found.map((r) => r.number)).toEqual([near.number]);
		expect(found[0].distanceM).toBeGreaterThan(10);
		expect(found[0].distanceM).toBeLessThan(25);
	});

	it('counts "me too" once per person, follows the report, and refuses it on one’s own report', async () => {
		const made = await reports.create(citizen, report());
		await reports.meToo(neighbour, made.id);
		await reports.meToo(neighbour, made.id);
		const read = await reports.read(neighbour, made.number);
		expect(read).toMatchObject({
			meTooCount: 1,
			followerCount: 2,
			followedByMe: true,
			meTooByMe: true
		});
		expect(await refusal(reports.meToo(citizen, made.id))).toBe('own_report');
	});
});

describe('working a report', () => {
	it('notifies the reporter and followers of a status change, with its public note', async () => {
		const made = await reports.create(citizen, report());
		await reports.follow(neighbour, made.id, true);
		await work.changeStatus(staff, made.id, {
			status: 'in_progress',
			publicNote: '現地を確認します'
		});

		const notes = await asUser(
			citizen,
			(tx) => tx<{ kind: string; detail: { status: string } }[]>`
				select kind, detail from public.notifications where report_id = ${made.id}`
		);
		expect(notes).toMatchObject([{ kind: 'report_status', detail: { status: 'in_progress' } }]);
		const theirs = await asUser(
			neighbour,
			(tx) => tx`select 1 from public.notifications where report_id = ${made.id}`
		);
		expect(theirs).toHaveLength(1);
	});

	it('refuses a change without a public note, a citizen’s change, and a move from a finished status', async () => {
		const made = await reports.create(citizen, report());
		expect(
			await refusal(work.changeStatus(staff, made.id, { status: 'resolved', publicNote: ' ' }))
		).toBe('public_note_required');
		expect(
			await refusal(work.changeStatus(citizen, made.id, { status: 'resolved', publicNote: 'x' }))
		).toBe('not_allowed');
		await work.changeStatus(staff, made.id, { status: 'resolved', publicNote: '補修しました' });
		expect(
			await refusal(work.changeStatus(staff, made.id, { status: 'closed', publicNote: 'x' }))
		).toBe('invalid_status_change');
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '再対応します' });
		expect((await reports.read(null, made.number))?.status).toBe('in_progress');
	});

	it('keeps internal notes from citizens and visitors', async () => {
		const made = await reports.create(citizen, report());
		await work.addNote(staff, made.id, '業者に連絡済み', true);
		await work.addNote(staff, made.id, '来週伺います', false);

		const visible = (actor: Actor | null) =>
			reports.read(actor, made.number).then((r) => r?.timeline.map((u) => u.note));
		expect(await visible(null)).toEqual(['', '来週伺います']);
		expect(await visible(citizen)).toEqual(['', '来週伺います']);
		expect(await visible(staff)).toEqual(['', '業者に連絡済み', '来週伺います']);
	});

	it('forwards a report with who owns it', async () => {
		const made = await reports.create(citizen, report());
		expect(
			await refusal(
				work.changeStatus(staff, made.id, { status: 'forwarded', publicNote: '県道です' })
			)
		).toBe('owner_required');
		await work.changeStatus(staff, made.id, {
			status: 'forwarded',
			publicNote: '県道のため千葉県に連絡しました',
			owner: '千葉県 千葉土木事務所'
		});
		expect(await reports.read(null, made.number)).toMatchObject({
			status: 'forwarded',
			forwardedTo: '千葉県 千葉土木事務所'
		});
	});

	it('merges a duplicate: its reporter, followers and "me too" move to the kept report', async () => {
		const kept = await reports.create(citizen, report());
		const other = await createPerson();
		const duplicate = await reports.create(other, report());
		await reports.meToo(neighbour, duplicate.id);

		await work.merge(staff, duplicate.id, kept.id, '同じ場所のレポートにまとめました');

		expect(await reports.read(null, duplicate.number)).toMatchObject({
			status: 'duplicate',
			duplicateOfNumber: kept.number
		});
		expect(await reports.read(other, kept.number)).toMatchObject({
			followedByMe: true,
			meTooByMe: true,
			meTooCount: 2,
			followerCount: 3
		});
	});

	it('reassigns reports in bulk, each with a line on its timeline', async () => {
		const a = await reports.create(citizen, report());
		const b = await reports.create(citizen, report());
		const [parks] = await asUser(
			staff,
			(tx) => tx<{ id: number }[]>`
			select id::int from public.offices where code = 'parks'`
		);
		expect(await work.assign(staff, [a.id, b.id], parks.id)).toBe(2);
		const read = await reports.read(null, b.number);
		expect(read?.officeCode).toBe('parks');
		expect(read?.timeline.at(-1)?.kind).toBe('assigned');
	});

	it('records a repair with materials, cost and hours, replacing an earlier record', async () => {
		const made = await reports.create(citizen, report());
		const repair: work.RepairRecord = {
			completedOn: '2026-12-01',
			cost: 12000,
			crewHours: 1.5,
			materials: [{ item: 'アスファルト合材', quantity: 2, unit: '袋' }],
			beforePhotoIds: [await pendingPhoto(staff, 11)],
			afterPhotoIds: [await pendingPhoto(staff, 12)]
		};
		await work.recordRepair(staff, made.id, repair);
		await work.recordRepair(staff, made.id, {
			...repair,
			beforePhotoIds: [],
			afterPhotoIds: [],
			cost: 15000
		});

		const [record] = await asUser(
			null,
			(tx) => tx<{ cost: string; materials: number }[]>`
			select cost::text, (select count(*)::int from public.repair_materials m where m.report_id = r.report_id) as materials
			from public.report_repairs r where report_id = ${made.id}`
		);
		expect(record).toEqual({ cost: '15000', materials: 1 });
		const kinds = (await reports.read(null, made.number))?.photos.map((p) => p.kind);
		expect(kinds).toEqual(['after', 'before']);
		expect(
			await refusal(
				work.recordRepair(staff, made.id, {
					...repair,
					materials: [{ item: '', quantity: 1, unit: '個' }],
					beforePhotoIds: [],
					afterPhotoIds: []
				})
			)
		).toBe('invalid_materials');
	});
});
