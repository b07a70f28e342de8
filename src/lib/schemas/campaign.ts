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

export const CAMPAIGN_KINDS = ['photo_hunt', 'asset_check', 'report_drive'] as const;

/** True when none of the issues found so far concerns one of the fields. */
function untouched(issues: readonly { path?: PropertyKey[] }[], fields: string[]): boolean {
	return issues.every((issue) => !fields.includes(String(issue.path?.[0])));
}

/**
 * A new campaign as the organiser's form sends it. The times are `datetime-local` values read
 * as Asia/Tokyo (see `tokyoLocalToDate`), whatever the time zone of the server or the browser.
 */
export const campaignSchema = z
	.object({
		kind: z.enum(CAMPAIGN_KINDS, { error: () => m.organise_error_kind() }).default('photo_hunt'),
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
		firstCheckBonus: whole(0, 1000, () => m.organise_error_points()).default(0),
		faultBonus: whole(0, 1000, () => m.organise_error_points()).default(0),
		likePoints: whole(0, 100, () => m.organise_error_like_points()).default(0),
		likePointsCap: whole(0, 10000, () => m.organise_error_like_cap()).default(0),
		allowTeams: z.boolean().default(false),
		assetLayerId: z
			.number({ error: () => m.organise_error_layer() })
			.int()
			.positive()
			.optional(),
		checkRadiusM: whole(5, 1000, () => m.organise_error_radius()).default(50),
		moderation: z
			.enum(['auto', 'moderated'], { error: () => m.organise_error_moderation() })
			.default('auto'),
		areaMode: z.enum(['wards', 'zone'], { error: () => m.organise_error_area() }).default('wards'),
		wardCodes: z
			.array(z.string().regex(/^\d{5}$/, { error: () => m.organise_error_wards() }))
			.default([]),
		// The zone uploaded with an earlier try of this form, kept so the file need not be sent again.
		zoneId: z.number().int().positive().optional(),
		categoryCodes: z
			.array(z.string().regex(/^[a-z0-9_-]{1,40}$/, { error: () => m.organise_error_categories() }))
			.default([]),
		publish: z.boolean().default(false)
	})
	// What must be given depends on the kind and the area mode. These run even when other fields
	// are wrong, so that every error shows at once; the zone file is checked by the action.
	.refine(({ areaMode, wardCodes }) => areaMode !== 'wards' || wardCodes.length > 0, {
		path: ['wardCodes'],
		error: () => m.organise_error_wards(),
		when: ({ issues }) => untouched(issues, ['areaMode', 'wardCodes'])
	})
	.refine(({ kind, assetLayerId }) => kind !== 'asset_check' || assetLayerId !== undefined, {
		path: ['assetLayerId'],
		error: () => m.organise_error_layer(),
		when: ({ issues }) => untouched(issues, ['kind', 'assetLayerId'])
	})
	.refine(({ kind, categoryCodes }) => kind !== 'report_drive' || categoryCodes.length > 0, {
		path: ['categoryCodes'],
		error: () => m.organise_error_categories(),
		when: ({ issues }) => untouched(issues, ['kind', 'categoryCodes'])
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
