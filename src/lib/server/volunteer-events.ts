// Group volunteer activities: capacity, waiting list, attendance. The counting happens in SQL
// under the event's row lock, so a full event is never overbooked.
import { asUser, type Actor } from './db';
import { asDomainError } from './errors';

export interface NewEvent {
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	meetingPoint: string;
	lon: number | null;
	lat: number | null;
	capacity: number;
	whatToBring: string;
	points: number;
}

export interface VolunteerEvent {
	id: string;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	meetingPoint: string;
	capacity: number;
	whatToBring: string;
	points: number;
	confirmed: number;
	waiting: number;
	/** The asker's place: confirmed, waiting, or null. */
	myState: 'confirmed' | 'waiting' | null;
	/** 1 for the first in line, for a waiting asker. */
	myPlaceInLine: number | null;
	attendanceRecorded: boolean;
}

export async function create(actor: Actor, input: NewEvent): Promise<string> {
	const [{ id }] = await asUser(
		actor,
		(tx) => tx<{ id: string }[]>`
		select public.create_volunteer_event(${input.title}, ${input.description}, ${input.startsAt},
			${input.endsAt}, ${input.meetingPoint}, ${input.lon}, ${input.lat}, ${input.capacity},
			${input.whatToBring}, ${input.points}) as id`
	).catch(asDomainError);
	return id;
}

const eventColumns = `e.id, e.title, e.description, e.starts_at as "startsAt", e.ends_at as "endsAt",
	e.meeting_point as "meetingPoint", e.capacity, e.what_to_bring as "whatToBring", e.points,
	e.attendance_recorded_at is not null as "attendanceRecorded",
	n.confirmed, n.waiting,
	(select s.state from public.event_signups s
		where s.event_id = e.id and s.user_id = (select auth.uid()) and s.state <> 'cancelled') as "myState",
	public.my_place_in_line(e.id) as "myPlaceInLine"`;

/** Events that have not ended, soonest first. */
export async function upcoming(actor: Actor | null): Promise<VolunteerEvent[]> {
	return asUser(
		actor,
		(tx) => tx<VolunteerEvent[]>`
		select ${tx.unsafe(eventColumns)} from public.volunteer_events e cross join lateral public.event_counts(e.id) n
		where e.ends_at > now() order by e.starts_at limit 50`
	);
}

export async function read(actor: Actor | null, id: string): Promise<VolunteerEvent | null> {
	const rows = await asUser(
		actor,
		(tx) => tx<VolunteerEvent[]>`
		select ${tx.unsafe(eventColumns)} from public.volunteer_events e
		cross join lateral public.event_counts(e.id) n where e.id = ${id}`
	);
	return rows[0] ?? null;
}

/** Signs the volunteer up: a place if one is free, otherwise the waiting list. */
export async function signUp(actor: Actor, eventId: string): Promise<'confirmed' | 'waiting'> {
	const [{ placed }] = await asUser(
		actor,
		(tx) => tx<{ placed: 'confirmed' | 'waiting' }[]>`
		select public.sign_up_for_event(${eventId}) as placed`
	).catch(asDomainError);
	return placed;
}

export async function cancel(actor: Actor, eventId: string): Promise<void> {
	await asUser(actor, (tx) => tx`select public.cancel_event_signup(${eventId})`).catch(
		asDomainError
	);
}

/** The people confirmed for an event (organisers), for recording attendance. */
export async function attendees(
	actor: Actor,
	eventId: string
): Promise<{ userId: string; nickname: string; attended: boolean | null }[]> {
	return asUser(
		actor,
		(tx) => tx<{ userId: string; nickname: string; attended: boolean | null }[]>`
		select s.user_id as "userId", p.nickname, s.attended
		from public.event_signups s join public.profiles p on p.id = s.user_id
		where s.event_id = ${eventId} and s.state = 'confirmed' order by s.signed_up_at`
	);
}

export async function recordAttendance(
	actor: Actor,
	eventId: string,
	attended: string[]
): Promise<number> {
	const [{ came }] = await asUser(
		actor,
		(tx) => tx<{ came: number }[]>`
		select public.record_attendance(${eventId}, ${attended}::uuid[]) as came`
	).catch(asDomainError);
	return came;
}
