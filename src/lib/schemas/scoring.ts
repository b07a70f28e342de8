import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { TEAM_NAME_MAX_LENGTH } from '$lib/team-messages';
import { WARD_CODES } from './account';

// Messages are functions, called when a value fails, so the one schema answers in the language
// of whichever request is being checked.

export { TEAM_NAME_MAX_LENGTH };

/** The join-team form: an existing team's name joins it, a new name starts a team. */
export const teamSchema = z.object({
	name: z
		.string()
		.trim()
		.min(2, { error: () => m.team_error_name() })
		.max(TEAM_NAME_MAX_LENGTH, { error: () => m.team_error_name() })
});

/** The leaderboard setting on /account. */
export const leaderboardPrivacySchema = z.object({
	hide: z.boolean().default(false)
});

export const BOARD_PERIODS = ['month', 'all'] as const;

/**
 * The /leaderboard query: `?period=month|all&ward=12101`. An unknown period falls back to the
 * month; an unknown ward is refused, and the page then shows the whole city with a note.
 */
export const boardQuerySchema = z.object({
	period: z.enum(BOARD_PERIODS).catch('month'),
	ward: z
		.string()
		.refine((code) => code === '' || WARD_CODES.includes(code), {
			error: () => m.board_ward_invalid()
		})
		.default('')
});
