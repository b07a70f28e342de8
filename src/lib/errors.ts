import { m } from '$lib/paraglide/messages';

/**
 * The sentence a person sees for a refusal from the domain (`DomainError.code`), in the
 * current language. Unknown codes get a general sentence, never the raw code or SQL.
 */
const messages: Record<string, () => string> = {
	like_not_found: m.like_error_not_found,
	like_own_entry: m.like_error_own_entry,
	duplicate_photo: m.fairplay_duplicate_photo,
	too_many_entries: m.fairplay_too_many_entries,
	moderation_entry_not_found: m.moderation_error_entry_not_found,
	moderation_reason_too_long: m.moderation_error_reason_too_long,
	feature_not_approved: m.feature_error_not_approved,
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
	zone_too_large: m.area_error_zone_too_large,
	not_an_asset_check: m.check_error_not_an_asset_check,
	invalid_condition: m.check_error_invalid_condition,
	check_photo_required: m.check_error_photo_required,
	asset_not_in_campaign: m.check_error_asset_not_in_campaign,
	check_location_required: m.check_error_location_required,
	too_far_from_asset: m.check_error_too_far
};

export function messageFor(code: string): string {
	const message = Object.hasOwn(messages, code) ? messages[code] : m.campaign_error_unknown;
	return message();
}
