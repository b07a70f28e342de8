import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { apiKeySchema } from '$lib/schemas/api-key';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as apiKeys from '$lib/server/api-keys';
import type { Actor } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(apiKeySchema);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Visitors sign in first; anyone but an admin gets 403 (the database refuses them too). */
function requireAdmin(locals: App.Locals, url: URL): Actor {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);
	if (!actor.roles.includes('admin')) error(403, m.api_keys_forbidden());
	return actor;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireAdmin(locals, url);

	return { keys: await apiKeys.list(actor), form: await superValidate(schema) };
};

export const actions: Actions = {
	/** The new key travels back in this answer only: it is never stored or shown again. */
	create: async ({ locals, url, request }) => {
		const actor = requireAdmin(locals, url);
		const form = await superValidate(request, schema);
		if (!form.valid) return fail(400, { form });

		const { key } = await apiKeys.create(actor, form.data.label);
		return { form: await superValidate(schema), created: { label: form.data.label, key } };
	},

	revoke: async ({ locals, url, request }) => {
		const actor = requireAdmin(locals, url);
		const body = await request.formData().catch(() => new FormData());
		const id = String(body.get('id') ?? '');

		const label = UUID.test(id) ? await apiKeys.revoke(actor, id) : null;
		if (label === null) return fail(400, { revokeError: m.api_keys_error_revoke() });
		return { revoked: m.api_keys_revoked({ label }) };
	}
};
