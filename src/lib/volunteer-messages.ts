import { m } from '$lib/paraglide/messages';
import type { Difficulty } from '$lib/schemas/volunteer';

/**
 * The sentence a person sees for each refusal of the volunteer functions (the codes raised in
 * supabase/migrations/20261203003000_create_volunteers.sql and …003010_create_volunteer_events.sql).
 * An unknown code gets a general sentence, never the raw code.
 */
const refusals: Record<string, () => string> = {
	fix_taken: m.fix_refusal_fix_taken,
	too_many_claims: m.fix_refusal_too_many_claims,
	no_active_claim: m.fix_refusal_no_active_claim,
	already_extended: m.fix_refusal_already_extended,
	after_photo_required: m.fix_refusal_after_photo_required,
	invalid_minutes: m.fix_refusal_invalid_minutes,
	volunteers_only: m.fix_refusal_volunteers_only,
	fix_not_open: m.fix_refusal_fix_not_open,
	fix_missing: m.fix_refusal_fix_missing,
	photo_missing: m.photo_error_missing,
	nothing_to_verify: m.fix_refusal_nothing_to_verify,
	reason_required: m.fix_refusal_reason_required,
	not_allowed: m.fix_refusal_not_allowed,
	report_not_fit: m.fix_refusal_report_not_fit,
	location_required: m.fix_refusal_location_required,
	outside_city: m.fix_refusal_outside_city,
	terms_not_accepted: m.volunteer_error_accept,
	unknown_ward: m.volunteer_error_ward,
	event_missing: m.vevent_refusal_event_missing,
	event_closed: m.vevent_refusal_event_closed,
	already_signed_up: m.vevent_refusal_already_signed_up,
	not_signed_up: m.vevent_refusal_not_signed_up,
	event_not_started: m.vevent_refusal_event_not_started,
	attendance_already_recorded: m.vevent_refusal_attendance_already_recorded,
	invalid_period: m.vevent_error_period
};

export function volunteerRefusal(code: string): string {
	return (Object.hasOwn(refusals, code) ? refusals[code] : m.fix_refusal_unknown)();
}

export function difficultyLabel(difficulty: Difficulty): string {
	switch (difficulty) {
		case 'easy':
			return m.fix_difficulty_easy();
		case 'medium':
			return m.fix_difficulty_medium();
		case 'hard':
			return m.fix_difficulty_hard();
	}
}
