import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { tokyoLocalToDate } from '$lib/time';

// Messages are functions, called when a value fails, so the one schema answers in the language
// of whichever request is being checked.

const datetime = z.string().refine((value) => tokyoLocalToDate(value) !== null, {
	error: () => m.organise_error_datetime()
});

const whole = (min: number, max: number, message: () => string) =>
	z
		.number({ error: message })
		.int({ error: message })
		.min(min, { error: message })
		.max(max, { error: message });

/**
 * A new photo hunt as the organiser's form sends it. The times are `datetime-local` values read
 * as Asia/Tokyo (see `tokyoLocalToDate`), whatever the time zone of the server or the browser.
 */
export const campaignSchema = z
	.object({
		title: z
			.string()
			.trim()
			.min(3, { error: () => m.organise_error_title() })
			.max(120, { error: () => m.organise_error_title() }),
		description: z
			.string()
			.trim()
			.max(4000, { error: () => m.organise_error_description() })
			.default(''),
		startsAt: datetime,
		endsAt: datetime,
		reviewDays: whole(0, 30, () => m.organise_error_review_days()).default(3),
		pointsPerEntry: whole(0, 1000, () => m.organise_error_points()).default(10),
		moderation: z
			.enum(['auto', 'moderated'], { error: () => m.organise_error_moderation() })
			.default('auto'),
		wardCodes: z
			.array(z.string().regex(/^\d{5}$/, { error: () => m.organise_error_wards() }))
			.min(1, { error: () => m.organise_error_wards() }),
		publish: z.boolean().default(false)
	})
	.refine(
		({ startsAt, endsAt }) => {
			const starts = tokyoLocalToDate(startsAt);
			const ends = tokyoLocalToDate(endsAt);
			return !starts || !ends || ends > starts;
		},
		{
			path: ['endsAt'],
			error: () => m.organise_error_ends_before(),
			// Also check the period when other fields are wrong, so that every error shows at once;
			// only the two times themselves must be valid first.
			when: ({ issues }) =>
				issues.every((issue) => issue.path?.[0] !== 'startsAt' && issue.path?.[0] !== 'endsAt')
		}
	);

export type CampaignForm = z.infer<typeof campaignSchema>;
