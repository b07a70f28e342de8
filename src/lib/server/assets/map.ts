// A layer's assets for a map viewport, as GeoJSON (RFC 7946). PGlite's PostGIS has no
// ST_AsMVT (it is built without protobuf-c), so instead of vector tiles the server answers one
// viewport at a time and groups the assets into grid cells whenever there are too many to draw
// one by one: a map of 49,000 streetlights stays light at every zoom.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { asUser, type Actor } from '../db';

/** Inside a viewport with no more assets than this, each is sent as itself. */
const MAX_SINGLE = 2000;

/** From this zoom on, assets are always sent one by one (at most MAX_FEATURES of them). */
const SINGLE_ZOOM = 16;
const MAX_FEATURES = 5000;

/** Grid cells about 48 px wide on 256 px tiles. */
const CELLS_PER_TILE = 256 / 48;

/**
 * An asset's condition on the map. Only 'unchecked' exists until asset-check campaigns colour
 * their assets (unchecked / checked-ok / faulty) through a `campaign` parameter.
 */
export type AssetStatus = 'unchecked';

export type AssetFeature = Feature<
	Point,
	| { kind: 'asset'; id: number; externalId: string; name: string; status: AssetStatus }
	| { kind: 'cluster'; count: number; status: AssetStatus }
>;

export type BBox = [west: number, south: number, east: number, north: number];

interface Cell {
	count: number;
	lon: number;
	lat: number;
	id: number | null;
	externalId: string | null;
	name: string | null;
}

/** The assets of a layer inside `bbox`, one by one or grouped into cells, for the map at `zoom`. */
export async function viewport(
	actor: Actor | null,
	layerId: number,
	bbox: BBox,
	zoom: number
): Promise<FeatureCollection<Point, AssetFeature['properties']>> {
	const [west, south, east, north] = bbox;
	const cells = await asUser(actor, async (tx) => {
		const inside = tx`a.layer_id = ${layerId} and a.location operator(extensions.&&)
			extensions.st_makeenvelope(${west}, ${south}, ${east}, ${north}, 4326)`;
		const [{ count }] = await tx<{ count: number }[]>`
			select count(*)::int as count from public.assets a where ${inside}`;

		if (zoom >= SINGLE_ZOOM || count <= MAX_SINGLE) {
			return tx<Cell[]>`
				select 1 as count, extensions.st_x(a.location) as lon, extensions.st_y(a.location) as lat,
					a.id::int as id, a.external_id as "externalId", a.name
				from public.assets a where ${inside}
				order by a.id limit ${MAX_FEATURES}`;
		}
		const size = 360 / 2 ** zoom / CELLS_PER_TILE;
		return tx<Cell[]>`
			select count(*)::int as count,
				avg(extensions.st_x(a.location)) as lon, avg(extensions.st_y(a.location)) as lat,
				case when count(*) = 1 then min(a.id)::int end as id,
				case when count(*) = 1 then min(a.external_id) end as "externalId",
				case when count(*) = 1 then min(a.name) end as name
			from public.assets a where ${inside}
			group by floor(extensions.st_x(a.location) / ${size}), floor(extensions.st_y(a.location) / ${size})`;
	});

	return {
		type: 'FeatureCollection',
		features: cells.map((cell): AssetFeature => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [cell.lon, cell.lat] },
			properties:
				cell.id !== null
					? {
							kind: 'asset',
							id: cell.id,
							externalId: cell.externalId ?? '',
							name: cell.name ?? '',
							status: 'unchecked'
						}
					: { kind: 'cluster', count: cell.count, status: 'unchecked' }
		}))
	};
}

/** The box around a layer's assets, or null for an empty layer: where its map starts. */
export async function extent(actor: Actor | null, layerId: number): Promise<BBox | null> {
	const [box] = await asUser(
		actor,
		(tx) => tx<{ west: number | null; south: number; east: number; north: number }[]>`
		select extensions.st_xmin(e) as west, extensions.st_ymin(e) as south,
			extensions.st_xmax(e) as east, extensions.st_ymax(e) as north
		from (select extensions.st_extent(a.location) as e from public.assets a
			where a.layer_id = ${layerId}) x`
	);
	return box?.west === null || !box ? null : [box.west, box.south, box.east, box.north];
}
