import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { requireOrganiser } from '$lib/server/actor';
import * as assets from '$lib/server/assets';
import { extent } from '$lib/server/assets/map';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireOrganiser(locals, url);
	const layer = await assets.readLayer(actor, params.code);
	if (!layer) error(404, m.import_error_layer());

	const pages = Math.max(1, Math.ceil(layer.assetCount / assets.PAGE_SIZE));
	const asked = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
	const [list, bounds] = await Promise.all([
		assets.listAssets(actor, layer.id, page),
		extent(actor, layer.id)
	]);

	return {
		layer: {
			code: layer.code,
			name: getLocale() === 'ja' ? layer.nameJa : layer.nameEn,
			count: layer.assetCount
		},
		assets: list,
		page,
		pages,
		bounds
	};
};
