import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './db';
import * as notifications from './notifications';
import * as work from './report-work';
import * as reports from './reports';
import { CHUO, createPerson, ensurePlaces, useTestDatabase } from './testing';

let reporter: Actor;
let follower: Actor;
let staff: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	reporter = await createPerson();
	follower = await createPerson();
	staff = await createPerson(['staff']);
});

async function fileReport(by: Actor = reporter): Promise<{ id: string; number: number }> {
	return reports.create(by, {
		categoryCode: 'road-damage',
		lon: CHUO.lon + Math.random() * 0.01,
		lat: CHUO.lat,
		wardCode: null,
		address: '',
		description: '歩道の段差が大きくなっています',
		photoIds: [],
		channel: 'app',
		idempotencyKey: null
	});
}

describe('notifications of status changes', () => {
	it('tells the reporter and a follower the new status, the number and the note', async () => {
		const made = await fileReport();
		await reports.follow(follower, made.id, true);
		const before = await notifications.unreadCount(follower);

		await work.changeStatus(staff, made.id, {
			status: 'in_progress',
			publicNote: '現地を確認します'
		});

		expect(await notifications.unreadCount(follower)).toBe(before + 1);
		const [newest] = (await notifications.list(follower)).items;
		expect(newest).toMatchObject({
			kind: 'report_status',
			reportNumber: made.number,
			status: 'in_progress',
			note: '現地を確認します',
			readAt: null
		});
		const mine = await notifications.list(reporter);
		expect(mine.items[0]).toMatchObject({ reportNumber: made.number, status: 'in_progress' });
	});

	it('does not notify the staff member who made the change, nor about internal notes', async () => {
		const made = await fileReport();
		await reports.follow(staff, made.id, true);
		const staffBefore = await notifications.unreadCount(staff);
		const reporterBefore = await notifications.unreadCount(reporter);

		await work.addNote(staff, made.id, '業者に連絡済み', true);
		await work.changeStatus(staff, made.id, { status: 'resolved', publicNote: '補修しました' });

		expect(await notifications.unreadCount(staff)).toBe(staffBefore);
		expect(await notifications.unreadCount(reporter)).toBe(reporterBefore + 1);
	});

	it('lists newest first, a page at a time, with the total and unread counts', async () => {
		const reader = await createPerson();
		const made = await fileReport();
		await reports.follow(reader, made.id, true);
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '一' });
		await work.changeStatus(staff, made.id, { status: 'resolved', publicNote: '二' });
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '三' });

		const first = await notifications.list(reader, 1, 2);
		expect(first.items.map((n) => n.note)).toEqual(['三', '二']);
		expect(first).toMatchObject({ total: 3, unread: 3 });
		const second = await notifications.list(reader, 2, 2);
		expect(second.items.map((n) => n.note)).toEqual(['一']);
		expect((await notifications.list(reader, 3, 2)).items).toEqual([]);
	});
});

describe('read state', () => {
	it('marks one notification read, then all of them', async () => {
		const reader = await createPerson();
		const made = await fileReport();
		await reports.follow(reader, made.id, true);
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '着手' });
		await work.changeStatus(staff, made.id, { status: 'resolved', publicNote: '完了' });
		const [newest] = (await notifications.list(reader)).items;

		expect(await notifications.markRead(reader, newest.id)).toBe(true);
		expect(await notifications.markRead(reader, newest.id)).toBe(false);
		expect(await notifications.unreadCount(reader)).toBe(1);
		expect((await notifications.list(reader)).items[0].readAt).toBeInstanceOf(Date);

		expect(await notifications.markAllRead(reader)).toBe(1);
		expect(await notifications.unreadCount(reader)).toBe(0);
	});

	it('marks the notifications of one report read when its page is seen', async () => {
		const reader = await createPerson();
		const [one, other] = [await fileReport(), await fileReport()];
		for (const made of [one, other]) {
			await reports.follow(reader, made.id, true);
			await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '着手' });
		}

		expect(await notifications.markReportRead(reader, one.id)).toBe(1);
		const items = (await notifications.list(reader)).items;
		expect(items.find((n) => n.reportNumber === one.number)?.readAt).not.toBeNull();
		expect(items.find((n) => n.reportNumber === other.number)?.readAt).toBeNull();
	});

	it("never shows or changes another person's notifications", async () => {
		const made = await fileReport();
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '着手' });
		const [theirs] = (await notifications.list(reporter)).items;
		const stranger = await createPerson();

		expect((await notifications.list(stranger)).total).toBe(0);
		expect(await notifications.markRead(stranger, theirs.id)).toBe(false);
		expect(await notifications.markAllRead(stranger)).toBe(0);
		expect((await notifications.list(reporter)).items[0].readAt).toBeNull();
	});
});
