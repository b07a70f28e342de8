import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { COMMENT_MAX_LENGTH } from './entry';

// Messages are functions, called when a value fails, so the one schema answers in the language
// of whichever request is being checked.

export const CONDITIONS = ['working', 'faulty', 'missing', 'obstructed'] as const;

const uuid = z.uuid();

/**
 * The check form: which asset, what the person found there, a photo (needed for anything but
 * working; sent now as a file or kept from an earlier attempt as a pending photo's id), where
 * they stand (typed, from the map, from the phone or from the photo) and a comment.
 */
export const checkSchema = z.object({
	assetId: z.int({ error: () => m.check_error_asset_not_in_campaign() }).positive({
		error: () => m.check_error_asset_not_in_campaign()
	}),
	condition: z.enum(CONDITIONS, { error: () => m.check_error_invalid_condition() }),
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
	comment: z
		.string()
		.trim()
		.max(COMMENT_MAX_LENGTH, {
			error: () => m.entry_error_comment_long({ max: COMMENT_MAX_LENGTH })
		}),
	idempotencyKey: uuid
});

export type CheckForm = z.infer<typeof checkSchema>;

/**
 * What the asset list reads from its address: a position to sort by (both or neither), a name
 * or id to search for, and a page. Anything unreadable is dropped, never an error: these come
 * from links and a search box.
 */
export const assetListQuerySchema = z.object({
	lon: z.coerce.number().min(-180).max(180).optional().catch(undefined),
	lat: z.coerce.number().min(-90).max(90).optional().catch(undefined),
	q: z.string().trim().max(100).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export type AssetListQuery = z.infer<typeof assetListQuerySchema>;
