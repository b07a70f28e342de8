import { z } from 'zod';
import { asUser, type Actor, type Tx } from './db';
import { asDomainError, DomainError } from './errors';

export interface Ward {
	id: number;
	code: string;
	nameJa: string;
	nameEn: string;
}

/** The city's wards, in code order. */
export async function listWards(actor: Actor | null): Promise<Ward[]> {
	return asUser(
		actor,
		(tx) => tx<Ward[]>`
		select id, code, name_ja as "nameJa", name_en as "nameEn"
		from public.areas where kind = 'ward' order by code`
	);
}

/**
 * A point inside a ward (PostGIS point-on-surface, so never in a hole or the sea), for people
 * who give their location as a ward rather than on a map.
 */
export async function wardPoint(code: string): Promise<{ lon: number; lat: number } | null> {
	const rows = await asUser(
		null,
		(tx) => tx<{ lon: number; lat: number }[]>`
		select extensions.st_x(p) as lon, extensions.st_y(p) as lat
		from (select extensions.st_pointonsurface(geom) as p
			from public.areas where kind = 'ward' and code = ${code}) s`
	);
	return rows[0] ?? null;
}

/** The ward containing a point, or null outside the city. */
export async function wardAt(lon: number, lat: number): Promise<Ward | null> {
	const rows = await asUser(
		null,
		(tx) => tx<Ward[]>`
		select id, code, name_ja as "nameJa", name_en as "nameEn" from public.ward_at(${lon}, ${lat})
		where id is not null`
	);
	return rows[0] ?? null;
}

/** The most a zone file may weigh: a detailed ward boundary is about 1 MB. */
export const ZONE_MAX_BYTES = 5 * 1024 * 1024;

const position = z.array(z.number().finite()).min(2);
const polygon = z.object({
	type: z.literal('Polygon'),
	coordinates: z.array(z.array(position).min(4)).min(1)
});
const multiPolygon = z.object({
	type: z.literal('MultiPolygon'),
	coordinates: z.array(z.array(z.array(position).min(4)).min(1)).min(1)
});
const surface = z.union([polygon, multiPolygon]);
const feature = z.object({ type: z.literal('Feature'), geometry: z.unknown() });
// Any other bare geometry (a Point, a LineString) reads as GeoJSON that holds no polygon.
const otherGeometry = z.object({ type: z.string(), coordinates: z.array(z.unknown()) });
const zoneFile = z.union([
	surface,
	feature,
	z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) }),
	otherGeometry
]);

/**
 * The polygons of an uploaded GeoJSON file (a Polygon, a MultiPolygon, a Feature or a
 * FeatureCollection of them; other geometries are ignored), as the file spells them: the
 * database unions and normalises them (see `create_zone`). Throws DomainError `zone_unreadable`
 * for a file that is not GeoJSON and `zone_not_polygon` when it holds no polygon.
 */
export function zoneGeometries(bytes: Uint8Array): unknown[] {
	if (bytes.byteLength > ZONE_MAX_BYTES) throw new DomainError('zone_too_large');
	let parsed: unknown;
	try {
		parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw new DomainError('zone_unreadable');
	}
	const file = zoneFile.safeParse(parsed);
	if (!file.success) throw new DomainError('zone_unreadable');

	// Read by its type: the catch-all geometry's `type: string` defeats the union's narrowing.
	const data = file.data as {
		type: string;
		features?: { geometry: unknown }[];
		geometry?: unknown;
	};
	const candidates: unknown[] =
		data.type === 'FeatureCollection'
			? (data.features ?? []).map((f) => f.geometry)
			: data.type === 'Feature'
				? [data.geometry]
				: [data];
	const surfaces = candidates.flatMap((g) => {
		const checked = surface.safeParse(g);
		return checked.success ? [checked.data] : [];
	});
	if (surfaces.length === 0) throw new DomainError('zone_not_polygon');
	return surfaces;
}

export interface Zone {
	id: number;
	areaKm2: number;
}

/** Stores an organiser's uploaded polygons as a campaign zone (see `zoneGeometries`). */
export async function createZone(actor: Actor, geometries: unknown[], name: string): Promise<Zone> {
	return asUser(actor, async (tx) => {
		const [{ id }] = await tx<{ id: number }[]>`
			select public.create_zone(${JSON.stringify(geometries)}::text::jsonb, ${name})::int as id`;
		return (await zoneSize(tx, id)) as Zone;
	}).catch(asDomainError);
}

async function zoneSize(tx: Tx, id: number): Promise<Zone | null> {
	const rows = await tx<Zone[]>`
		select id::int as id, (extensions.st_area(geom::extensions.geography) / 1e6)::float8 as "areaKm2"
		from public.areas where id = ${id} and kind = 'zone'`;
	return rows[0] ?? null;
}

/** A zone's size, to show the organiser what was uploaded; null for an unknown id. */
export async function readZone(actor: Actor | null, id: number): Promise<Zone | null> {
	return asUser(actor, (tx) => zoneSize(tx, id));
}
