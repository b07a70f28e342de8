import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { tokyoLocalToDate } from '$lib/time';
import { WARD_CODES } from './account';

// Messages are functions, called when a value fails, so that one schema answers in the
// language of whichever request is being checked.

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const FIX_NOTE_MAX = 1000;
export const MINUTES_MAX = 1440;

const uuid = z.uuid();
const photoId = z.string().refine((id) => id === '' || uuid.safeParse(id).success, {
	error: () => m.photo_error_missing()
});

/** Accepting the volunteer terms, with the wards the person likes to work in (none: anywhere). */
export const volunteerTermsSchema = z.object({
	accept: z.boolean().refine((accepted) => accepted, { error: () => m.volunteer_error_accept() }),
	wardCodes: z
		.array(
			z
				.string()
				.refine((code) => WARD_CODES.includes(code), { error: () => m.volunteer_error_ward() })
		)
		.max(WARD_CODES.length)
		.default([])
});

const text = (max: number, error: () => string, min = 1) =>
	z.string().trim().min(min, { error }).max(max, { error });

/**
 * A new fix as the organiser's form sends it: the place as typed or map-picked coordinates, or
 * the place of the report it comes from (`reportNumber`).
 */
export const fixSchema = z.object({
	title: text(120, () => m.fix_error_title()),
	whatToDo: text(2000, () => m.fix_error_what_to_do()),
	lat: z
		.number({ error: () => m.entry_error_latitude() })
		.min(-90, { error: () => m.entry_error_latitude() })
		.max(90, { error: () => m.entry_error_latitude() })
		.nullable(),
	lon: z
		.number({ error: () => m.entry_error_longitude() })
		.min(-180, { error: () => m.entry_error_longitude() })
		.max(180, { error: () => m.entry_error_longitude() })
		.nullable(),
	address: text(200, () => m.fix_error_address(), 0),
	difficulty: z.enum(DIFFICULTIES, { error: () => m.fix_error_difficulty() }).default('easy'),
	tools: text(500, () => m.fix_error_tools(), 0),
	photo: z.file().optional(),
	photoId,
	reportNumber: z.number().int().positive().nullable().default(null),
	claimHours: z
		.number({ error: () => m.fix_error_claim_hours() })
		.int({ error: () => m.fix_error_claim_hours() })
		.min(1, { error: () => m.fix_error_claim_hours() })
		.max(720, { error: () => m.fix_error_claim_hours() })
		.default(72),
	points: z
		.number({ error: () => m.fix_error_points() })
		.int({ error: () => m.fix_error_points() })
		.min(0, { error: () => m.fix_error_points() })
		.max(1000, { error: () => m.fix_error_points() })
		.default(30)
});
export type FixForm = z.infer<typeof fixSchema>;

/** The proof a volunteer sends: an after photo (file now, or the one kept), a note, minutes. */
export const completionSchema = z.object({
	photo: z.file().optional(),
	photoId,
	note: text(FIX_NOTE_MAX, () => m.fix_error_note({ max: FIX_NOTE_MAX }), 0),
	minutes: z
		.number({ error: () => m.fix_refusal_invalid_minutes() })
		.int({ error: () => m.fix_refusal_invalid_minutes() })
		.min(1, { error: () => m.fix_refusal_invalid_minutes() })
		.max(MINUTES_MAX, { error: () => m.fix_refusal_invalid_minutes() })
		// null while the field is empty, so that the form does not start at 0
		.nullable()
		.refine((minutes) => minutes !== null, { error: () => m.fix_refusal_invalid_minutes() })
});
export type CompletionForm = z.infer<typeof completionSchema>;

/** An organiser's decision on a completion; sending back or reopening needs a reason. */
export const verificationSchema = z
	.object({
		fixId: uuid,
		decision: z.enum(['approve', 'return', 'reopen']),
		reason: z
			.string()
			.trim()
			.max(500, { error: () => m.fix_error_reason() })
			.default('')
	})
	.refine(({ decision, reason }) => decision === 'approve' || reason.length > 0, {
		path: ['reason'],
		error: () => m.fix_refusal_reason_required()
	});

const datetime = z.string().refine((value) => tokyoLocalToDate(value) !== null, {
	error: () => m.organise_error_datetime()
});

/** A new volunteer event; the times are `datetime-local` values read as Asia/Tokyo. */
export const eventSchema = z
	.object({
		title: text(120, () => m.vevent_error_title()),
		description: text(2000, () => m.vevent_error_description(), 0),
		startsAt: datetime,
		endsAt: datetime,
		meetingPoint: text(200, () => m.vevent_error_meeting_point()),
		capacity: z
			.number({ error: () => m.vevent_error_capacity() })
			.int({ error: () => m.vevent_error_capacity() })
			.min(1, { error: () => m.vevent_error_capacity() })
			.max(1000, { error: () => m.vevent_error_capacity() }),
		whatToBring: text(500, () => m.vevent_error_what_to_bring(), 0),
		points: z
			.number({ error: () => m.fix_error_points() })
			.int({ error: () => m.fix_error_points() })
			.min(0, { error: () => m.fix_error_points() })
			.max(1000, { error: () => m.fix_error_points() })
			.default(20)
	})
	.refine(
		({ startsAt, endsAt }) => {
			const starts = tokyoLocalToDate(startsAt);
			const ends = tokyoLocalToDate(endsAt);
			return !starts || !ends || ends > starts;
		},
		{ path: ['endsAt'], error: () => m.vevent_error_period() }
	);
export type EventForm = z.infer<typeof eventSchema>;
