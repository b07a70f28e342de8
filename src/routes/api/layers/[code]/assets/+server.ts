import { error, json } from '@sveltejs/kit';
import { viewportSchema } from '$lib/schemas/inventory';
import { actorOf } from '$lib/server/actor';
import { readLayer } from '$lib/server/assets';
import { viewport } from '$lib/server/assets/map';
import type { RequestHandler } from './$types';

/**
 * A layer's assets inside a map viewport, as a GeoJSON FeatureCollection:
 * `?bbox=west,south,east,north&zoom=z`. Each feature is an asset or, where there are too many,
 * a cell of them with its count; every feature carries a `status` for the map's colours.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const query = viewportSchema.safeParse({
		bbox: url.searchParams.get('bbox') ?? '',
		zoom: url.searchParams.get('zoom') ?? ''
	});
	if (!query.success) error(400, 'bbox=west,south,east,north and zoom=0…24 are required');

	const actor = actorOf(locals);
	const layer = await readLayer(actor, params.code);
	if (!layer) error(404, 'No such layer');

	const [west, south, east, north] = query.data.bbox;
	const features = await viewport(actor, layer.id, [west, south, east, north], query.data.zoom);
	return json(features, { headers: { 'cache-control': 'no-store' } });
};
