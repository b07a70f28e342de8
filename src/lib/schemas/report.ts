import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { WARD_CODES } from './account';

// Messages are functions, called when a value fails, so the one schema answers in the language
// of whichever request is being checked.

export const REPORT_PHOTO_MAX = 3;
export const REPORT_DESCRIPTION_MAX_LENGTH = 1000;
/** As the reports table allows. */
export const REPORT_ADDRESS_MAX_LENGTH = 200;

/** How a report came in: the person's own (app), or taken by staff for a caller. */
export const REPORT_CHANNELS = ['app', 'phone', 'counter'] as const;

export const CATEGORY_GROUPS = ['road', 'park', 'streetlight', 'rubbish', 'other'] as const;

const uuid = z.uuid();
const pendingId = z.string().refine((id) => uuid.safeParse(id).success, {
	error: () => m.photo_error_missing()
});

/**
 * Line breaks as one character each. A browser counts a textarea's breaks as one for maxlength
 * but sends them as CRLF (HTML, "constructing the entry list"): without this, text it allowed
 * would be refused here as too long.
 */
export const oneCharacterBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

// Digits with the separators people type in Japanese numbers (043-245-5111, +81 43 …).
const PHONE = /^\+?[0-9０-９][0-9０-９\-‐－ ()（）]{5,20}$/;

/**
 * The report form. Photos arrive as files (sent now) and as the ids of the pending photos the
 * server kept from an earlier attempt. The place is a point (from the photo, the phone, the map
 * or typed) or a ward with an address typed by hand. `confirm` says the person saw the open
 * reports nearby and sends theirs anyway. The channel and caller are for staff only.
 */
export const reportSchema = z.object({
	category: z
		.string()
		.trim()
		.min(1, { error: () => m.report_form_error_category() }),
	description: z
		.string()
		.overwrite(oneCharacterBreaks)
		.trim()
		.min(1, { error: () => m.report_form_error_description_required() })
		.max(REPORT_DESCRIPTION_MAX_LENGTH, {
			error: () => m.report_form_error_description_long({ max: REPORT_DESCRIPTION_MAX_LENGTH })
		}),
	photos: z.array(z.file()).default([]),
	photoIds: z.array(pendingId).default([]),
	removePhotoIds: z.array(z.string()).default([]),
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
	ward: z.string().refine((code) => code === '' || WARD_CODES.includes(code), {
		error: () => m.report_form_error_ward()
	}),
	address: z
		.string()
		.trim()
		.max(REPORT_ADDRESS_MAX_LENGTH, {
			error: () => m.report_form_error_address_long({ max: REPORT_ADDRESS_MAX_LENGTH })
		}),
	channel: z.enum(REPORT_CHANNELS, { error: () => m.report_form_error_channel() }).default('app'),
	callerName: z
		.string()
		.trim()
		.max(100, { error: () => m.report_form_error_caller_name_long() }),
	callerPhone: z
		.string()
		.trim()
		.refine((phone) => phone === '' || PHONE.test(phone), {
			error: () => m.report_form_error_caller_phone()
		}),
	callerEmail: z
		.string()
		.trim()
		.max(254, { error: () => m.report_form_error_caller_email() })
		.refine((email) => email === '' || z.email().safeParse(email).success, {
			error: () => m.report_form_error_caller_email()
		}),
	confirm: z.boolean().default(false),
	idempotencyKey: uuid
});

export type ReportForm = z.infer<typeof reportSchema>;
