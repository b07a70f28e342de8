import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { verificationSchema } from '$lib/schemas/volunteer';
import { DomainError } from '$lib/server/errors';
import * as fixes from '$lib/server/fixes';
import * as volunteers from '$lib/server/volunteers';
import { volunteerRefusal } from '$lib/volunteer-messages';
import { requireFixVerifier } from './access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireFixVerifier(locals, url);
	const [submissions, reports] = await Promise.all([
		volunteers.submissions(actor),
		volunteers.offerableReports(actor)
	]);
	return { submissions, reports };
};

export const actions: Actions = {
	verify: async ({ locals, request, url }) => {
		const actor = requireFixVerifier(locals, url);
		const body = Object.fromEntries(await request.formData());
		const parsed = verificationSchema.safeParse(body);
		const fixId = String(body.fixId ?? '');
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return fail(400, {
				fixId,
				reason: String(body.reason ?? ''),
				error: issue?.path[0] === 'reason' ? issue.message : m.fix_refusal_unknown()
			});
		}

		const { decision, reason } = parsed.data;
		try {
			await fixes.verify(
				actor,
				parsed.data.fixId,
				decision,
				decision === 'approve' ? null : reason
			);
		} catch (cause) {
			if (!(cause instanceof DomainError)) throw cause;
			return fail(400, { fixId, reason, error: volunteerRefusal(cause.code) });
		}
		return { fixId, decision };
	}
};
