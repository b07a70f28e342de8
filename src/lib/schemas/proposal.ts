import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { PROPOSAL_KINDS } from '$lib/proposal-labels';

// Messages are functions, called when a value fails, so that one schema answers in the
// language of whichever request is being checked.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a calendar day that exists, as `<input type="date">` sends it (`2027-05-01`). */
export function isDay(value: string): boolean {
	const match = DAY_PATTERN.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

const optionalDay = z
	.string()
	.trim()
	.refine((value) => value === '' || isDay(value), { error: () => m.proposal_error_date() })
	.default('');

function datesReadable({ issues }: { issues: { path?: PropertyKey[] }[] }): boolean {
	return issues.every((issue) => issue.path?.[0] !== 'startsOn' && issue.path?.[0] !== 'endsOn');
}

/** A theme proposal as the form sends it; the period is optional, but both ends or neither. */
export const proposalSchema = z
	.object({
		title: z
			.string()
			.trim()
			.min(3, { error: () => m.proposal_error_title() })
			.max(120, { error: () => m.proposal_error_title() }),
		description: z
			.string()
			.trim()
			.min(10, { error: () => m.proposal_error_description() })
			.max(2000, { error: () => m.proposal_error_description() }),
		kind: z.enum(PROPOSAL_KINDS, { error: () => m.proposal_error_kind() }).default('photo_hunt'),
		wardCodes: z
			.array(z.string().regex(/^\d{5}$/, { error: () => m.proposal_error_wards() }))
			.min(1, { error: () => m.proposal_error_wards() })
			.max(20, { error: () => m.proposal_error_wards() }),
		startsOn: optionalDay,
		endsOn: optionalDay
	})
	// Checked also when other fields are wrong, so that every error shows at once; only the two
	// dates themselves must be readable first.
	.refine(({ startsOn, endsOn }) => (startsOn === '') === (endsOn === ''), {
		path: ['endsOn'],
		error: () => m.proposal_error_period_both(),
		when: datesReadable
	})
	.refine(({ startsOn, endsOn }) => !startsOn || !endsOn || endsOn > startsOn, {
		path: ['endsOn'],
		error: () => m.proposal_error_ends_before(),
		when: datesReadable
	});

export type ProposalForm = z.infer<typeof proposalSchema>;

/** An organiser's reason for declining, shown publicly on the proposal. */
export const declineSchema = z.object({
	reason: z
		.string()
		.trim()
		.min(1, { error: () => m.proposal_error_reason_required() })
		.max(1000, { error: () => m.proposal_error_reason_required() })
});
