import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { emailChoicesSchema } from '$lib/schemas/mail';
import { leaderboardPrivacySchema } from '$lib/schemas/scoring';
import { actorOf, signInFirst } from '$lib/server/actor';
import { asUser } from '$lib/server/db';
import { homeWardChoices } from '$lib/server/auth/wards';
import * as emailChoices from '$lib/server/mail/preferences';
import * as people from '$lib/server/people';
import * as reports from '$lib/server/reports';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user;
	if (!user) signInFirst(url);

	const [profile] = await asUser(
		user,
		(tx) => tx<{ homeWardCode: string }[]>`
		select home_ward_code as "homeWardCode" from public.profiles where id = ${user.id}`
	);
	const [wards, progress, myReports, followedReports, choices] = await Promise.all([
		homeWardChoices(),
		people.progress(user),
		reports.listForPerson(user, 'mine'),
		reports.listForPerson(user, 'followed'),
		emailChoices.read(user)
	]);
	const ward = wards.find((choice) => choice.code === profile?.homeWardCode) ?? null;
	const privacyForm = await superValidate(
		{ hide: progress.hideFromLeaderboards },
		zod4(leaderboardPrivacySchema),
		{ id: 'privacy' }
	);
	const mailForm = await superValidate(choices, zod4(emailChoicesSchema), { id: 'mail' });

	const brief = (report: reports.ReportSummary) => ({
		number: report.number,
		status: report.status,
		categoryJa: report.categoryJa,
		categoryEn: report.categoryEn,
		createdAt: report.createdAt
	});
	return {
		nickname: user.nickname,
		roles: user.roles,
		ward,
		progress,
		privacyForm,
		mailForm,
		myReports: myReports.map(brief),
		followedReports: followedReports.map(brief)
	};
};

export const actions: Actions = {
	privacy: async ({ locals, url, request }) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);

		const form = await superValidate(request, zod4(leaderboardPrivacySchema), { id: 'privacy' });
		if (!form.valid) return fail(400, { privacyForm: form });

		await people.setHiddenFromLeaderboards(actor, form.data.hide);
		return message(form, m.profile_privacy_saved());
	},
	mail: async ({ locals, url, request }) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);

		const form = await superValidate(request, zod4(emailChoicesSchema), { id: 'mail' });
		if (!form.valid) return fail(400, { mailForm: form });

		await emailChoices.save(actor, form.data);
		return message(form, m.mail_settings_saved());
	}
};
