import { m } from '$lib/paraglide/messages';
import type { DatasetName } from '$lib/schemas/open-data';

/** What each column of each dataset means, in the reader's language. */
export const meanings: { [Name in DatasetName]: Record<string, () => string> } = {
	reports: {
		number: m.opendata_col_reports_number,
		category: m.opendata_col_reports_category,
		category_name_ja: m.opendata_col_reports_category_name_ja,
		category_name_en: m.opendata_col_reports_category_name_en,
		status: m.opendata_col_reports_status,
		channel: m.opendata_col_reports_channel,
		ward: m.opendata_col_reports_ward,
		ward_name_ja: m.opendata_col_reports_ward_name_ja,
		ward_name_en: m.opendata_col_reports_ward_name_en,
		office: m.opendata_col_reports_office,
		longitude: m.opendata_col_longitude,
		latitude: m.opendata_col_latitude,
		location_approximate: m.opendata_col_reports_location_approximate,
		address: m.opendata_col_reports_address,
		description: m.opendata_col_reports_description,
		created_at: m.opendata_col_reports_created_at,
		resolved_at: m.opendata_col_reports_resolved_at,
		hours_to_resolve: m.opendata_col_reports_hours_to_resolve,
		me_too_count: m.opendata_col_reports_me_too_count,
		follower_count: m.opendata_col_reports_follower_count,
		public_note_count: m.opendata_col_reports_public_note_count,
		duplicate_of: m.opendata_col_reports_duplicate_of,
		forwarded_to: m.opendata_col_reports_forwarded_to,
		fit_for_volunteers: m.opendata_col_reports_fit_for_volunteers,
		photo_count: m.opendata_col_reports_photo_count,
		photo_url: m.opendata_col_reports_photo_url,
		repair_completed_on: m.opendata_col_reports_repair_completed_on,
		repair_cost_yen: m.opendata_col_reports_repair_cost_yen,
		repair_crew_hours: m.opendata_col_reports_repair_crew_hours
	},
	entries: {
		id: m.opendata_col_entries_id,
		campaign_id: m.opendata_col_entries_campaign_id,
		campaign_title: m.opendata_col_entries_campaign_title,
		campaign_kind: m.opendata_col_entries_campaign_kind,
		created_at: m.opendata_col_entries_created_at,
		longitude: m.opendata_col_longitude,
		latitude: m.opendata_col_latitude,
		nickname: m.opendata_col_entries_nickname,
		comment: m.opendata_col_entries_comment,
		photo_url: m.opendata_col_entries_photo_url,
		like_count: m.opendata_col_entries_like_count,
		featured: m.opendata_col_entries_featured,
		asset_layer: m.opendata_col_entries_asset_layer,
		asset_external_id: m.opendata_col_entries_asset_external_id,
		condition: m.opendata_col_entries_condition
	},
	assets: {
		id: m.opendata_col_assets_id,
		layer: m.opendata_col_assets_layer,
		layer_name_ja: m.opendata_col_assets_layer_name_ja,
		layer_name_en: m.opendata_col_assets_layer_name_en,
		external_id: m.opendata_col_assets_external_id,
		name: m.opendata_col_assets_name,
		longitude: m.opendata_col_longitude,
		latitude: m.opendata_col_latitude,
		imported_at: m.opendata_col_assets_imported_at,
		last_checked_at: m.opendata_col_assets_last_checked_at,
		last_condition: m.opendata_col_assets_last_condition,
		last_check_campaign_id: m.opendata_col_assets_last_check_campaign_id,
		last_check_photo_url: m.opendata_col_assets_last_check_photo_url
	},
	wards: {
		code: m.opendata_col_wards_code,
		name_ja: m.opendata_col_wards_name_ja,
		name_en: m.opendata_col_wards_name_en
	}
};
