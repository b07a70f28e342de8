import { m } from '$lib/paraglide/messages';

/**
 * The sentence a person sees for a refusal from the domain (`DomainError.code`), in the
 * current language. Unknown codes get a general sentence, never the raw code or SQL.
 */
const messages: Record<string, () => string> = {
	not_found: m.campaign_not_found,
	sign_in_required: m.campaign_error_sign_in_required,
	campaign_not_open: m.campaign_error_campaign_not_open,
	photo_missing: m.campaign_error_photo_missing,
	outside_area: m.campaign_error_outside_area,
	not_allowed: m.campaign_error_not_allowed,
	invalid_decision: m.campaign_error_invalid_decision,
	moderation_closed: m.campaign_error_moderation_closed,
	zone_unreadable: m.area_error_zone_unreadable,
	zone_not_polygon: m.area_error_zone_not_polygon,
	zone_outside_city: m.area_error_zone_outside_city,
	zone_too_large: m.area_error_zone_too_large
};

export function messageFor(code: string): string {
	const message = Object.hasOwn(messages, code) ? messages[code] : m.campaign_error_unknown;
	return message();
}
