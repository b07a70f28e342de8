import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// Messages are functions, called when a value fails, so the one schema answers in the language
// of whichever request is being checked.

export const REASON_MAX_LENGTH = 500;

const entryId = z.uuid({ error: () => m.moderation_error_entry_not_found() });

/** A like, an unlike, an approval, or featuring: the entry alone. */
export const entryActionSchema = z.object({ entryId });

/** Featuring on or off. */
export const featureSchema = z.object({ entryId, featured: z.enum(['on', 'off']) });

/** Rejecting or hiding: the entrant is told why, so a reason is required. */
export const reasonSchema = z.object({
	entryId,
	reason: z
		.string()
		.trim()
		.min(1, { error: () => m.moderation_reason_required() })
		.max(REASON_MAX_LENGTH, { error: () => m.moderation_error_reason_too_long() })
});

/** The form's fields as plain strings (a missing field is an empty string). */
export function formFields(data: FormData, names: string[]): Record<string, string> {
	return Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? '')]));
}
