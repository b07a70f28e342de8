import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from './db';
import { DomainError } from './errors';
import * as fixes from './fixes';
import * as events from './volunteer-events';
import { createPerson, ensurePlaces, useTestDatabase } from './testing';

let organiser: Actor;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	organiser = await createPerson(['organiser']);
});

async function volunteer(): Promise<Actor> {
	const person = await createPerson();
	await fixes.becomeVolunteer(person, []);
	return person;
}

function event(capacity: number, overrides: Partial<events.NewEvent> = {}): events.NewEvent {
	const startsAt = new Date(Date.now() + 7 * DAY);
	return {
		title: '稲毛海浜公園の清掃',
		description: '',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
		meetingPoint: '稲毛海浜公園 管理事務所前',
		lon: null,
		lat: null,
		capacity,
		whatToBring: '軍手、飲み物',
		points: 20,
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

describe('signing up for an event', () => {
	it('confirms until full, then puts people on the waiting list in order', async () => {
		const id = await events.create(organiser, event(2));
		const people = await Promise.all([1, 2, 3, 4].map(() => volunteer()));
		const placed = [];
		for (const person of people) placed.push(await events.signUp(person, id));

		expect(placed).toEqual(['confirmed', 'confirmed', 'waiting', 'waiting']);
		expect(await events.read(people[3], id)).toMatchObject({
			confirmed: 2,
			waiting: 2,
			myState: 'waiting',
			myPlaceInLine: 2
		});
		expect(await refusal(events.signUp(people[0], id))).toBe('already_signed_up');
	});

	it('moves the first in line up when a confirmed person cancels', async () => {
		const id = await events.create(organiser, event(1));
		const [first, second, third] = await Promise.all([1, 2, 3].map(() => volunteer()));
		for (const person of [first, second, third]) await events.signUp(person, id);

		await events.cancel(first, id);
		expect((await events.read(second, id))?.myState).toBe('confirmed');
		expect(await events.read(third, id)).toMatchObject({ myState: 'waiting', myPlaceInLine: 1 });
		expect(await refusal(events.cancel(first, id))).toBe('not_signed_up');
	});

	it('never exceeds the capacity when many sign up at once', async () => {
		const id = await events.create(organiser, event(3));
		const crowd = await Promise.all(Array.from({ length: 12 }, () => volunteer()));
		const placed = await Promise.all(crowd.map((person) => events.signUp(person, id)));

		expect(placed.filter((p) => p === 'confirmed')).toHaveLength(3);
		expect((await events.read(null, id))?.confirmed).toBe(3);
	});

	it('is for volunteers only, and closes when the event starts', async () => {
		const id = await events.create(organiser, event(5));
		expect(await refusal(events.signUp(await createPerson(), id))).toBe('volunteers_only');
		const started = await events.create(
			organiser,
			event(5, {
				startsAt: new Date(Date.now() - 3600 * 1000),
				endsAt: new Date(Date.now() + 3600 * 1000)
			})
		);
		expect(await refusal(events.signUp(await volunteer(), started))).toBe('event_closed');
	});
});

describe('attendance', () => {
	it('gives the event’s points to those who came, once', async () => {
		const id = await events.create(organiser, event(5));
		const [came, stayedHome] = [await volunteer(), await volunteer()];
		await events.signUp(came, id);
		await events.signUp(stayedHome, id);
		expect(await refusal(events.recordAttendance(organiser, id, [came.id]))).toBe(
			'event_not_started'
		);
		await asSystem(
			'spec-event-started',
			(tx) => tx`update public.volunteer_events
				set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ${id}`
		);

		expect(await events.recordAttendance(organiser, id, [came.id])).toBe(1);
		expect(await refusal(events.recordAttendance(organiser, id, [came.id]))).toBe(
			'attendance_already_recorded'
		);
		expect(await fixes.history(null, came.id)).toMatchObject({ eventsAttended: 1 });
		expect(await fixes.history(null, stayedHome.id)).toMatchObject({ eventsAttended: 0 });
	});
});
