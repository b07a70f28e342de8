import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { WARD_CODES } from './account';

// Messages are functions, called when a value fails, so the one schema answers in the language
// of whichever request is being checked.

export const COMMENT_MAX_LENGTH = 500;

const uuid = z.uuid();

/**
 * The entry form. The photo arrives either as a file (sent now) or as the id of the pending
 * photo the server kept from an earlier attempt; the place as latitude and longitude (typed or
 * set on the map) or as a ward, for people who cannot or would rather not use the map.
 */
export const entrySchema = z.object({
	photo: z.file().optional(),
	photoId: z.string().refine((id) => id === '' || uuid.safeParse(id).success, {
		error: () => m.photo_error_missing()
	}),
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
		error: () => m.entry_error_ward()
	}),
	comment: z
		.string()
		.trim()
		.max(COMMENT_MAX_LENGTH, {
			error: () => m.entry_error_comment_long({ max: COMMENT_MAX_LENGTH })
		}),
	idempotencyKey: uuid
});

export type EntryForm = z.infer<typeof entrySchema>;
