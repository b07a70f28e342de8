import { error, json } from '@sveltejs/kit';
import type { FeatureCollection, Point } from 'geojson';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/actor';
import * as campaigns from '$lib/server/campaigns';
import * as checks from '$lib/server/checks';
import type { RequestHandler } from './$types';

type AssetFeatures = FeatureCollection<Point, { id?: number; name: string; state: string }>;

/**
 * Every asset of an asset-check campaign with its state, as GeoJSON (RFC 7946) for the map.
 * The id is repeated among the properties: clustered sources keep properties, not feature ids.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	const actor = actorOf(locals);
	const campaign = await campaigns.read(actor, params.id);
	if (!campaign || campaign.kind !== 'asset_check') error(404, m.campaign_not_found());

	const collection = (await checks.assetStatesGeoJson(actor, campaign.id)) as AssetFeatures;
	for (const feature of collection.features) {
		feature.properties.id = Number(feature.id);
	}

	return json(collection, {
		headers: {
			'Content-Type': 'application/geo+json',
			// States change with every check; a short private cache spares repeated map loads.
			'Cache-Control': 'private, max-age=30'
		}
	});
};
