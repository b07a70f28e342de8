import { z } from 'zod';

/** The email settings on /account: one box per notification kind, ticked for email. */
export const emailChoicesSchema = z.object({
	report_status: z.boolean().default(false),
	entry_moderated: z.boolean().default(false),
	badge_earned: z.boolean().default(false),
	campaign_result: z.boolean().default(false),
	claim_expiring: z.boolean().default(false)
});
