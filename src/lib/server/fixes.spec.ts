import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { DomainError } from './errors';
import * as fixes from './fixes';
import * as reports from './reports';
import * as work from './report-work';
import { CHUO, createPerson, ensurePlaces, pendingPhoto, useTestDatabase } from './testing';

let organiser: Actor;
let staff: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	organiser = await createPerson(['organiser']);
	staff = await createPerson(['staff']);
});

async function volunteer(): Promise<Actor> {
	const person = await createPerson();
	await fixes.becomeVolunteer(person, ['12101']);
	return { ...person, roles: [...person.roles, 'volunteer'] };
}

function fix(overrides: Partial<fixes.NewFix> = {}): fixes.NewFix {
	return {
		title: '排水溝の落ち葉を取り除く',
		whatToDo: '歩道の排水溝のふたの上の落ち葉を集めて袋に入れてください。',
		lon: CHUO.lon + Math.random() * 0.005,
		lat: CHUO.lat,
		address: '',
		difficulty: 'easy',
		tools: '軍手、ごみ袋',
		photoId: null,
		reportId: null,
		claimHours: 72,
		points: 30,
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

async function totalPoints(person: Actor): Promise<number> {
	const [{ points }] = await asSystem(
		'spec-points',
		(tx) => tx<{ points: number }[]>`
			select coalesce(sum(points), 0)::int as points from public.point_events where user_id = ${person.id}`
	);
	return points;
}

describe('becoming a volunteer', () => {
	it('takes the current terms and grants the volunteer role', async () => {
		const person = await createPerson();
		const id = await fixes.createFix(organiser, fix());
		expect(await refusal(fixes.claim(person, id))).toBe('volunteers_only');

		await fixes.becomeVolunteer(person, ['12101', '12106']);
		await fixes.claim(person, id);
		expect((await fixes.read(person, id))?.holder).toMatchObject({ mine: true, state: 'active' });
	});

	it('refuses an unknown ward', async () => {
		expect(await refusal(fixes.becomeVolunteer(await createPerson(), ['99999']))).toBe(
			'unknown_ward'
		);
	});
});

describe('claiming a fix', () => {
	it('lets one volunteer hold a fix, refusing the next with "taken"', async () => {
		const id = await fixes.createFix(organiser, fix());
		const [first, second] = [await volunteer(), await volunteer()];
		await fixes.claim(first, id);
		expect(await refusal(fixes.claim(second, id))).toBe('fix_taken');
		expect((await fixes.read(second, id))?.claimable).toBe(false);
	});

	it('frees a fix whose claim expired, with no job run', async () => {
		const id = await fixes.createFix(organiser, fix({ claimHours: 1 }));
		const [first, second] = [await volunteer(), await volunteer()];
		await fixes.claim(first, id);
		await asSystem(
			'spec-expire',
			(tx) => tx`update public.fix_claims set expires_at = now() - interval '1 minute'
				where fix_id = ${id}`
		);

		expect((await fixes.read(null, id))?.claimable).toBe(true);
		await fixes.claim(second, id);
		expect(await refusal(fixes.complete(first, id, { photoId: null, note: '', minutes: 10 }))).toBe(
			'no_active_claim'
		);
	});

	it('holds at most three active claims per volunteer', async () => {
		const person = await volunteer();
		for (let i = 0; i < 3; i++) await fixes.claim(person, await fixes.createFix(organiser, fix()));
		const fourth = await fixes.createFix(organiser, fix());
		expect(await refusal(fixes.claim(person, fourth))).toBe('too_many_claims');
	});

	it('extends a claim once and releases it for others', async () => {
		const id = await fixes.createFix(organiser, fix({ claimHours: 24 }));
		const [holder, other] = [await volunteer(), await volunteer()];
		const claimed = await fixes.claim(holder, id);
		const extended = await fixes.extend(holder, id);
		expect(extended.expiresAt.getTime() - claimed.expiresAt.getTime()).toBe(24 * 3600 * 1000);
		expect(await refusal(fixes.extend(holder, id))).toBe('already_extended');
		expect(await refusal(fixes.release(other, id))).toBe('no_active_claim');

		await fixes.release(holder, id);
		await fixes.claim(other, id);
	});

	it('gives exactly one claim to many volunteers pressing at once', async () => {
		const id = await fixes.createFix(organiser, fix());
		const crowd = await Promise.all(Array.from({ length: 12 }, () => volunteer()));
		const results = await Promise.allSettled(crowd.map((person) => fixes.claim(person, id)));

		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
		expect(refusals.every((e) => e instanceof DomainError && e.code === 'fix_taken')).toBe(true);
	});
});

describe('completing and verifying', () => {
	it('needs an after photo, from the holder only', async () => {
		const id = await fixes.createFix(organiser, fix());
		const [holder, other] = [await volunteer(), await volunteer()];
		await fixes.claim(holder, id);
		expect(
			await refusal(fixes.complete(holder, id, { photoId: null, note: '', minutes: 20 }))
		).toBe('after_photo_required');
		const theirs = await pendingPhoto(other);
		expect(
			await refusal(fixes.complete(other, id, { photoId: theirs, note: '', minutes: 20 }))
		).toBe('no_active_claim');
	});

	it('approves: points, the fix done, and its report resolved as fixed by a volunteer', async () => {
		const citizen = await createPerson();
		const filed = await reports.create(citizen, {
			categoryCode: 'dumping',
			lon: CHUO.lon,
			lat: CHUO.lat + 0.001,
			wardCode: null,
			address: '',
			description: '空き缶が散らかっています',
			photoIds: [],
			channel: 'app',
			idempotencyKey: null
		});
		expect(
			await refusal(fixes.createFix(staff, fix({ reportId: filed.id, lon: null, lat: null })))
		).toBe('report_not_fit');
		await work.setFitForVolunteers(staff, filed.id, true);
		const id = await fixes.createFix(staff, fix({ reportId: filed.id, lon: null, lat: null }));

		const holder = await volunteer();
		await fixes.claim(holder, id);
		await fixes.complete(holder, id, {
			photoId: await pendingPhoto(holder),
			note: '袋ふたつ分',
			minutes: 45
		});
		const before = await fixes.totals(null);
		await fixes.verify(staff, id, 'approve');

		expect((await fixes.read(null, id))?.status).toBe('done');
		const after = await fixes.totals(null);
		expect(after.fixesDone - before.fixesDone).toBe(1);
		expect(after.minutes - before.minutes).toBe(45);
		expect(await totalPoints(holder)).toBe(30);
		const report = await reports.read(null, filed.number);
		expect(report?.status).toBe('resolved');
		expect(report?.timeline.at(-1)?.note).toContain('Fixed by a volunteer');
		expect(await fixes.history(null, holder.id)).toEqual({
			fixesDone: 1,
			minutes: 45,
			eventsAttended: 0
		});
	});

	it('sends back with a reason: to the same volunteer, or reopened for anyone', async () => {
		const id = await fixes.createFix(organiser, fix());
		const [holder, other] = [await volunteer(), await volunteer()];
		await fixes.claim(holder, id);
		const proof = async () => ({ photoId: await pendingPhoto(holder), note: '', minutes: 15 });
		await fixes.complete(holder, id, await proof());
		expect(await refusal(fixes.verify(organiser, id, 'return', ''))).toBe('reason_required');
		expect(await refusal(fixes.verify(holder, id, 'approve'))).toBe('not_allowed');

		await fixes.verify(organiser, id, 'return', '写真が暗くて確認できません');
		expect((await fixes.read(holder, id))?.holder).toMatchObject({ mine: true, state: 'active' });
		await fixes.complete(holder, id, await proof());
		await fixes.verify(organiser, id, 'reopen', '別の場所でした');
		await fixes.claim(other, id);
		expect(await totalPoints(holder)).toBe(0);
	});
});
