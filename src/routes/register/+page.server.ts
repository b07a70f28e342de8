import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { registerSchema } from '$lib/schemas/account';
import { register } from '$lib/server/auth';
import { nextPath } from '$lib/server/auth/next';
import { homeWardChoices } from '$lib/server/auth/wards';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(registerSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, nextPath(url));

	return { form: await superValidate(schema), wards: await homeWardChoices() };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, schema);
		const { email, password, nickname, homeWardCode } = form.data;
		// The typed values come back with any refusal, but never the password.
		form.data.password = '';
		if (!form.valid) return fail(400, { form });

		const outcome = await register(
			event,
			{ email, password },
			{ nickname, homeWardCode, locale: getLocale() }
		);
		if (!outcome.ok) {
			switch (outcome.reason) {
				case 'email_taken':
					return setError(form, 'email', m.account_error_email_taken());
				case 'nickname_taken':
					return setError(form, 'nickname', m.account_error_nickname_taken());
				case 'password_weak':
					return setError(form, 'password', m.account_error_password_weak());
				case 'rate_limited':
					return setError(form, '', m.account_error_busy(), { status: 429 });
			}
		}
		if (!outcome.user) return message(form, m.account_register_confirm_email());

		redirect(303, nextPath(event.url));
	}
};
