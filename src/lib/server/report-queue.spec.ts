import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { DomainError } from './errors';
import * as queue from './report-queue';
import * as work from './report-work';
import * as reports from './reports';
import { CHUO, createPerson, ensurePlaces, useTestDatabase } from './testing';

let citizen: Actor;
let staff: Actor;
/** A point in 美浜区 (the Makuhari seaside). */
const MIHAMA = { lon: 140.0625, lat: 35.6397 };
/**
 * Categories of this run alone, so that the counts are this file's even when every spec file
 * shares one PostgreSQL database (other specs file and import streetlight and sign reports).
 */
const RUN = Date.now().toString(36);
const CATEGORY = `spec-queue-${RUN}`;
const MANY = `spec-queue-many-${RUN}`;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	citizen = await createPerson();
	staff = await createPerson(['staff']);
	await asSystem(
		'spec-queue-categories',
		(tx) => tx`insert into public.categories (code, group_code, name_ja, name_en)
			values (${CATEGORY}, 'streetlight', '街灯（仕様）', 'Streetlight (spec)'),
				(${MANY}, 'other', 'その他（仕様）', 'Other (spec)')`
	);
});

async function file(place: { lon: number; lat: number } = CHUO, daysAgo = 0, category = CATEGORY) {
	const made = await reports.create(citizen, {
		categoryCode: category,
		lon: place.lon + Math.random() * 0.001,
		lat: place.lat,
		wardCode: null,
		address: '',
		description: '街灯が消えています',
		photoIds: [],
		channel: 'app',
		idempotencyKey: null
	});
	if (daysAgo > 0) {
		await asSystem(
			'spec-age',
			(tx) => tx`update public.reports
			set created_at = now() - make_interval(days => ${daysAgo}) where id = ${made.id}`
		);
	}
	return made;
}

const filter = (changes: Partial<queue.QueueFilter> = {}): queue.QueueFilter => ({
	officeCode: null,
	categoryCode: CATEGORY,
	wardCode: null,
	status: 'open',
	olderThanDays: null,
	sort: 'oldest',
	page: 1,
	...changes
});

const numbers = (page: queue.QueuePage) => page.rows.map((row) => row.number);

describe('the staff queue', () => {
	let old: { id: string; number: number };
	let week: { id: string; number: number };
	let fresh: { id: string; number: number };
	let mihama: { id: string; number: number };

	beforeAll(async () => {
		old = await file(CHUO, 40);
		week = await file(CHUO, 8);
		fresh = await file(CHUO, 0);
		mihama = await file(MIHAMA, 2);
	});

	it('lists open reports oldest first, with their age in days and a total', async () => {
		const page = await queue.list(staff, filter());
		expect(numbers(page)).toEqual([old.number, week.number, mihama.number, fresh.number]);
		expect(page.total).toBe(4);
		expect(page.rows[0]).toMatchObject({ status: 'received', ageDays: 40, channel: 'app' });
		expect(page.rows[0].wardJa).toBe('中央区');
	});

	it('sorts newest first on request', async () => {
		const page = await queue.list(staff, filter({ sort: 'newest' }));
		expect(numbers(page)).toEqual([fresh.number, mihama.number, week.number, old.number]);
	});

	it('filters by ward, by age and by office', async () => {
		expect(numbers(await queue.list(staff, filter({ wardCode: '12106' })))).toEqual([
			mihama.number
		]);
		expect(numbers(await queue.list(staff, filter({ olderThanDays: 7 })))).toEqual([
			old.number,
			week.number
		]);
		expect(numbers(await queue.list(staff, filter({ olderThanDays: 30 })))).toEqual([old.number]);
		const read = await reports.read(staff, mihama.number);
		const byOffice = await queue.list(staff, filter({ officeCode: read!.officeCode }));
		expect(numbers(byOffice)).toContain(mihama.number);
		expect(byOffice.rows.every((row) => row.officeJa === read!.officeJa)).toBe(true);
	});

	it('leaves finished reports out of the open ones, and shows them by their status', async () => {
		const done = await file(CHUO, 1);
		await work.changeStatus(staff, done.id, { status: 'resolved', publicNote: '交換しました' });

		expect(numbers(await queue.list(staff, filter()))).not.toContain(done.number);
		expect(numbers(await queue.list(staff, filter({ status: 'resolved' })))).toEqual([done.number]);
		expect(numbers(await queue.list(staff, filter({ status: 'all' })))).toContain(done.number);
	});

	it('pages by fifty and counts the whole match', async () => {
		const many = MANY;
		for (let i = 0; i < 52; i++) await file(CHUO, 0, many);
		const first = await queue.list(staff, filter({ categoryCode: many }));
		const second = await queue.list(staff, filter({ categoryCode: many, page: 2 }));
		const past = await queue.list(staff, filter({ categoryCode: many, page: 9 }));

		expect(first.rows).toHaveLength(50);
		expect(second.rows).toHaveLength(2);
		expect([first.total, first.pageCount, second.page]).toEqual([52, 2, 2]);
		expect(past).toMatchObject({ rows: [], total: 52, pageCount: 2 });
	});

	it('moves ticked reports to another office at once and logs each on its timeline', async () => {
		const offices = await queue.offices(staff);
		const target = offices.find((o) => o.code === 'waste')!;
		const moved = await work.assign(staff, [old.id, week.id], target.id);

		expect(moved).toBe(2);
		const page = await queue.list(staff, filter({ officeCode: 'waste' }));
		expect(numbers(page)).toEqual([old.number, week.number]);
		const timeline = (await reports.read(staff, old.number))!.timeline;
		expect(timeline.at(-1)).toMatchObject({ kind: 'assigned' });
		// Assigning again to the same office changes nothing and logs nothing.
		expect(await work.assign(staff, [old.id], target.id)).toBe(0);
	});

	it('refuses bulk assignment to citizens and to an office that does not exist', async () => {
		const offices = await queue.offices(staff);
		await expect(work.assign(citizen, [fresh.id], offices[0].id)).rejects.toThrow(DomainError);
		await expect(work.assign(staff, [fresh.id], 999_999)).rejects.toMatchObject({
			code: 'unknown_office'
		});
	});

	it('shows callers and the repair record to staff, and callers to nobody else', async () => {
		const taken = await reports.create(staff, {
			categoryCode: CATEGORY,
			lon: CHUO.lon,
			lat: CHUO.lat + 0.001,
			wardCode: null,
			address: '',
			description: '電話：街灯が消えている',
			photoIds: [],
			channel: 'phone',
			caller: { name: '千葉 一郎', phone: '043-000-0000', email: '' },
			idempotencyKey: null
		});
		await work.recordRepair(staff, taken.id, {
			completedOn: '2026-11-30',
			cost: 12000,
			crewHours: 1.5,
			materials: [{ item: 'LED灯具', quantity: 1, unit: '台' }],
			beforePhotoIds: [],
			afterPhotoIds: []
		});

		expect(await queue.caller(staff, taken.id)).toMatchObject({ name: '千葉 一郎' });
		expect(await queue.caller(citizen, taken.id)).toBeNull();
		expect(await queue.repair(staff, taken.id)).toEqual({
			completedOn: '2026-11-30',
			cost: 12000,
			crewHours: 1.5,
			materials: [{ item: 'LED灯具', quantity: 1, unit: '台' }]
		});
	});
});
