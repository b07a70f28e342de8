import { asUser, type Actor } from './db';

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
