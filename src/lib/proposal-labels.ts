import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const PROPOSAL_KINDS = ['photo_hunt', 'asset_check', 'report_drive'] as const;
export type ProposalKindName = (typeof PROPOSAL_KINDS)[number];

export const kindLabels: Record<ProposalKindName, () => string> = {
	photo_hunt: m.proposal_kind_photo_hunt,
	asset_check: m.proposal_kind_asset_check,
	report_drive: m.proposal_kind_report_drive
};

export const statusLabels: Record<'open' | 'accepted' | 'declined', () => string> = {
	open: m.proposal_status_open,
	accepted: m.proposal_status_accepted,
	declined: m.proposal_status_declined
};

/** The sentence for a refusal of the proposal functions (`DomainError.code`), never the code. */
const refusals: Record<string, () => string> = {
	proposal_not_found: m.proposal_not_found,
	proposal_not_open: m.proposal_error_not_open,
	proposal_own_vote: m.proposal_error_own_vote,
	proposal_not_allowed: m.proposal_error_not_allowed,
	not_allowed: m.proposal_error_not_allowed,
	proposal_reason_required: m.proposal_error_reason_required,
	proposal_rate_limited: m.proposal_error_rate_limited,
	proposal_unknown_ward: m.proposal_error_unknown_ward,
	proposal_sign_in_required: m.proposal_error_sign_in_required,
	proposal_layer_required: m.proposal_error_layer_required
};

export function proposalRefusal(code: string): string {
	return (Object.hasOwn(refusals, code) ? refusals[code] : m.proposal_error_unknown)();
}

/** A calendar day in Chiba (`2027-05-01`) as the reader writes dates: 「2027/05/01」 or "1 May 2027". */
export function formatDay(day: string): string {
	const locale = getLocale() === 'ja' ? 'ja-JP' : 'en-GB';
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`)
	);
}
