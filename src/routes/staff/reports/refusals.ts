import { m } from '$lib/paraglide/messages';

/**
 * The sentence for a refusal of the report functions (DomainError codes), in the current
 * language. Unknown codes get a general sentence, never the raw code.
 */
const sentences: Record<string, () => string> = {
	invalid_status_change: m.staff_report_error_invalid_status_change,
	public_note_required: m.staff_report_error_public_note_required,
	owner_required: m.staff_report_error_owner_required,
	original_required: m.staff_report_error_original_required,
	original_missing: m.staff_report_error_original_missing,
	note_required: m.staff_report_error_note_required,
	invalid_materials: m.staff_report_error_invalid_materials,
	invalid_repair_date: m.staff_report_error_repair_date,
	unknown_office: m.staff_report_error_office,
	photo_missing: m.photo_error_missing,
	too_many_photos: m.staff_report_error_too_many_photos,
	report_missing: m.staff_report_error_report_missing,
	not_allowed: m.staff_forbidden
};

export function staffRefusal(code: string): string {
	return (Object.hasOwn(sentences, code) ? sentences[code] : m.campaign_error_unknown)();
}
