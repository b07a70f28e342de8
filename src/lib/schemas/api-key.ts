import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export const API_KEY_LABEL_MAX_LENGTH = 100;

/** A new API key: who it is for. */
export const apiKeySchema = z.object({
	label: z
		.string()
		.trim()
		.min(1, { error: () => m.api_keys_error_label_required() })
		.max(API_KEY_LABEL_MAX_LENGTH, { error: () => m.api_keys_error_label_long() })
});
