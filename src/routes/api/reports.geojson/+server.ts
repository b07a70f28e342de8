import { error, json } from '@sveltejs/kit';
import { queryOf, queryProblem, reportViewportSchema } from '$lib/schemas/report-map';
import { actorOf } from '$lib/server/actor';
import { viewport } from '$lib/server/report-map';
import type { RequestHandler } from './$types';

/**
 * Reports inside a map viewport, as a GeoJSON FeatureCollection (RFC 7946):
 * `?bbox=west,south,east,north&zoom=z` plus the list's filters (category, status, ward, from,
 * to). Each feature is a report or, where there are too many, a grid cell with its count per
 * status. A malformed parameter is a 400 that names it.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const query = reportViewportSchema.safeParse(queryOf(url));
	if (!query.success) error(400, `Bad query: ${queryProblem(query.error)}`);

	const { bbox, zoom, ...filter } = query.data;
	const features = await viewport(actorOf(locals), filter, bbox, zoom);
	return json(features, { headers: { 'cache-control': 'no-store' } });
};
