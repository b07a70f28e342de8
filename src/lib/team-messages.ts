import { m } from '$lib/paraglide/messages';

/** The longest team name; here rather than in the schema so that pages need not load zod. */
export const TEAM_NAME_MAX_LENGTH = 40;

const messages: Record<string, () => string> = {
	team_not_allowed: m.team_error_not_allowed,
	team_campaign_not_open: m.team_error_not_open,
	team_name_invalid: m.team_error_name,
	team_already_joined: m.team_error_already_joined
};

/** The sentence for a refusal of join_team, in the current language; never the raw code. */
export function teamMessage(code: string): string {
	return (Object.hasOwn(messages, code) ? messages[code] : m.team_error_unknown)();
}
