// Reports for a map viewport, as GeoJSON (RFC 7946), answered from PostGIS. A city keeps about a
// million reports, far more than a browser can draw, so the server groups them into grid cells
// (with a count per status) until the viewport holds few enough to send one by one. PGlite's
// PostGIS has no ST_AsMVT, so this is GeoJSON per viewport rather than vector tiles, as the
// asset layers do it (assets/map.ts).
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ReportFilter } from '$lib/schemas/report-map';
import { asUser, type Actor, type Tx } from './db';
import type { ReportStatus } from './reports';

/** A viewport with at most this many reports gets each of them as itself. */
export const MAX_SINGLE = 1500;

/** From this zoom on (a street or two) reports are always single, at most MAX_FEATURES of them. */
export const SINGLE_ZOOM = 17;
const MAX_FEATURES = 3000;

/** Grid cells about 64 px wide on 256 px tiles: clusters that do not overlap. */
const CELLS_PER_TILE = 256 / 64;

/**
 * At this zoom and out, grouped reports come from `report_map_cells`, counts the database keeps
 * per zoom-12 cell, month, category and ward: a whole city costs the same at a thousand reports
 * and at a million.
 */
export const COUNTED_ZOOM = 12;

export type BBox = [west: number, south: number, east: number, north: number];

/** Reports counted per status in a cell; the rarer final statuses share one count. */
export interface StatusCounts {
	received: number;
	inProgress: number;
	resolved: number;
	other: number;
}

export type ReportMapFeature = Feature<
	Point,
	| { kind: 'report'; number: number; status: ReportStatus; category: string }
	| ({ kind: 'cluster'; count: number } & StatusCounts)
>;

export type ReportMapCollection = FeatureCollection<Point, ReportMapFeature['properties']>;

/** Degrees per grid cell at a zoom level. */
export function cellSize(zoom: number): number {
	return 360 / 2 ** zoom / CELLS_PER_TILE;
}

/**
 * The where-clause of a filter, for `public.reports r`. Dates are days in Japan: `to` takes in
 * the whole day. An unknown category or ward code matches nothing rather than everything.
 */
export function matching(tx: Tx, filter: ReportFilter) {
	const { category, status, ward, from, to } = filter;
	return tx`true
		${category ? tx`and r.category_id = (select id from public.categories where code = ${category})` : tx``}
		${status ? tx`and r.status = ${status}` : tx``}
		${ward ? tx`and r.ward_id = (select id from public.areas where kind = 'ward' and code = ${ward})` : tx``}
		${from ? tx`and r.created_at >= (${from}::date::timestamp at time zone 'Asia/Tokyo')` : tx``}
		${to ? tx`and r.created_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Tokyo')` : tx``}`;
}

interface Row {
	count: number;
	lon: number;
	lat: number;
	number: number | null;
	status: ReportStatus | null;
	category: string | null;
	received: number;
	inProgress: number;
	resolved: number;
	other: number;
}

/**
 * The viewport query itself, inside a transaction the caller opened (the benchmark runs it with
 * and without the spatial index in the same database).
 */
export async function viewportRows(
	tx: Tx,
	filter: ReportFilter,
	bbox: BBox,
	zoom: number
): Promise<Row[]> {
	const [west, south, east, north] = bbox;
	const where = tx`r.location operator(extensions.&&)
		extensions.st_makeenvelope(${west}, ${south}, ${east}, ${north}, 4326)
		and ${matching(tx, filter)}`;

	// Counting stops past the limit: whether a viewport is "few enough" costs the same in a
	// quiet suburb and in the whole city.
	const [{ count }] = await tx<{ count: number }[]>`
		select count(*)::int as count
		from (select 1 from public.reports r where ${where} limit ${MAX_SINGLE + 1}) few`;

	if (zoom >= SINGLE_ZOOM || count <= MAX_SINGLE) {
		return tx<Row[]>`
			select 1 as count, extensions.st_x(r.location) as lon, extensions.st_y(r.location) as lat,
				r.number::int as number, r.status, c.code as category,
				0 as received, 0 as "inProgress", 0 as resolved, 0 as other
			from public.reports r join public.categories c on c.id = r.category_id
			where ${where}
			order by r.created_at desc limit ${MAX_FEATURES}`;
	}

	return zoom <= COUNTED_ZOOM && countedPeriod(filter)
		? countedCells(tx, filter, bbox, zoom)
		: groupedReports(tx, filter, bbox, zoom);
}

const firstOfMonth = (day: string) => day.endsWith('-01');
const lastOfMonth = (day: string) => {
	const next = new Date(`${day}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.getUTCDate() === 1;
};

/** Whether the period is whole months (or open), which the kept counts can answer. */
export function countedPeriod({ from, to }: ReportFilter): boolean {
	return (!from || firstOfMonth(from)) && (!to || lastOfMonth(to));
}

/**
 * Grid cells from the counts kept per zoom-12 cell: a cell at `zoom` is a block of 2^(12 - zoom)
 * kept cells on a side. The block takes in whole kept cells at the viewport's edge, and its
 * centre is that of all its reports whatever the status filter.
 */
export async function countedCells(
	tx: Tx,
	filter: ReportFilter,
	bbox: BBox,
	zoom: number
): Promise<Row[]> {
	const [west, south, east, north] = bbox;
	const { category, status, ward, from, to } = filter;
	const base = cellSize(COUNTED_ZOOM);
	const block = 2 ** (COUNTED_ZOOM - Math.floor(zoom));
	const counted = (column: ReportStatus) => (!status || status === column ? tx(column) : tx`0`);
	return tx<Row[]>`
		select sum(received + in_progress + resolved + other)::int as count,
			sum(sum_lon) / nullif(sum(everything), 0) as lon,
			sum(sum_lat) / nullif(sum(everything), 0) as lat,
			null::int as number, null as status, null as category,
			sum(received)::int as received, sum(in_progress)::int as "inProgress",
			sum(resolved)::int as resolved, sum(other)::int as other
		from (
			select cx, cy, sum_lon, sum_lat,
				${counted('received')} as received, ${counted('in_progress')} as in_progress,
				${counted('resolved')} as resolved,
				${counted('forwarded')} + ${counted('duplicate')} + ${counted('closed')} as other,
				received + in_progress + resolved + forwarded + duplicate + closed as everything
			from public.report_map_cells
			where cx between floor(${west}::float8 / ${base}) and floor(${east}::float8 / ${base})
				and cy between floor(${south}::float8 / ${base}) and floor(${north}::float8 / ${base})
				${category ? tx`and category_id = (select id from public.categories where code = ${category})` : tx``}
				${ward ? tx`and ward_id = (select id from public.areas where kind = 'ward' and code = ${ward})` : tx``}
				${from ? tx`and month >= ${from}::date` : tx``}
				${to ? tx`and month <= ${to}::date` : tx``}
		) kept
		group by floor(cx::float8 / ${block}), floor(cy::float8 / ${block})
		having sum(received + in_progress + resolved + other) > 0`;
}

/** Grid cells counted from the reports themselves: any period, at any zoom. */
export async function groupedReports(
	tx: Tx,
	filter: ReportFilter,
	bbox: BBox,
	zoom: number
): Promise<Row[]> {
	const [west, south, east, north] = bbox;
	const where = tx`r.location operator(extensions.&&)
		extensions.st_makeenvelope(${west}, ${south}, ${east}, ${north}, 4326)
		and ${matching(tx, filter)}`;
	const size = cellSize(zoom);
	return tx<Row[]>`
		select count(*)::int as count,
			avg(extensions.st_x(r.location)) as lon, avg(extensions.st_y(r.location)) as lat,
			null::int as number, null as status, null as category,
			(count(*) filter (where r.status = 'received'))::int as received,
			(count(*) filter (where r.status = 'in_progress'))::int as "inProgress",
			(count(*) filter (where r.status = 'resolved'))::int as resolved,
			(count(*) filter (where r.status not in ('received', 'in_progress', 'resolved')))::int
				as other
		from public.reports r
		where ${where}
		group by floor(extensions.st_x(r.location) / ${size}),
			floor(extensions.st_y(r.location) / ${size})`;
}

function toFeature(row: Row): ReportMapFeature {
	const geometry: Point = { type: 'Point', coordinates: [row.lon, row.lat] };
	if (row.number !== null && row.status !== null) {
		return {
			type: 'Feature',
			geometry,
			properties: {
				kind: 'report',
				number: row.number,
				status: row.status,
				category: row.category ?? ''
			}
		};
	}
	const { count, received, inProgress, resolved, other } = row;
	return {
		type: 'Feature',
		geometry,
		properties: { kind: 'cluster', count, received, inProgress, resolved, other }
	};
}

/** The reports matching `filter` inside `bbox`, one by one or grouped, for the map at `zoom`. */
export async function viewport(
	actor: Actor | null,
	filter: ReportFilter,
	bbox: BBox,
	zoom: number
): Promise<ReportMapCollection> {
	const rows = await asUser(actor, (tx) => viewportRows(tx, filter, bbox, zoom));
	return { type: 'FeatureCollection', features: rows.map(toFeature) };
}
