import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { signInSchema } from '$lib/schemas/account';
import { signIn } from '$lib/server/auth';
import { nextPath } from '$lib/server/auth/next';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(signInSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, nextPath(url));

	return { form: await superValidate(schema) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, schema);
		const { email, password } = form.data;
		form.data.password = '';
		if (!form.valid) return fail(400, { form });

		const outcome = await signIn(event, { email, password });
		if (!outcome.ok) {
			switch (outcome.reason) {
				case 'invalid':
					return setError(form, '', m.account_error_credentials());
				case 'unconfirmed':
					return setError(form, '', m.account_error_unconfirmed());
				case 'rate_limited':
					return setError(form, '', m.account_error_rate_limited(), { status: 429 });
			}
		}

		redirect(303, nextPath(event.url));
	}
};
