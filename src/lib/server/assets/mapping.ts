// Turning a file's rows into assets by the organiser's column mapping, and deciding which rows
// cannot be assets and why. What needs the database (the city boundary, the layer's other
// assets) is decided by public.import_asset_batch.
import type { InventoryFile } from './files';

/** The feature's own `id` member (RFC 7946 §3.2) rather than one of its properties. */
export const FEATURE_ID = '@id';

/**
 * Which column (CSV) or property (GeoJSON) holds what. Coordinates come from two columns, from
 * one column holding "lat,lon" (as map apps copy them), or, for GeoJSON, from the geometry.
 */
export interface Mapping {
	id: string | null;
	name: string | null;
	coordinates:
		| { kind: 'columns'; longitude: string; latitude: string }
		| { kind: 'latlon'; column: string }
		| { kind: 'geometry' };
}

export type SkipReason =
	| 'missing_coordinates'
	| 'invalid_coordinates'
	| 'not_a_point'
	| 'duplicate_id'
	| 'duplicate_position'
	| 'outside_city';

export const SKIP_REASONS: SkipReason[] = [
	'missing_coordinates',
	'invalid_coordinates',
	'not_a_point',
	'duplicate_id',
	'duplicate_position',
	'outside_city'
];

export interface Candidate {
	/** 1-based: the data row of a CSV (the header not counted) or the feature's number. */
	row: number;
	externalId: string;
	name: string;
	lon: number;
	lat: number;
	properties: Record<string, unknown>;
	/** The row as the file has it, shortened, for the report's examples. */
	values: string;
}

export interface Skipped {
	row: number;
	reason: SkipReason;
	values: string;
}

/**
 * Coordinates are kept to 7 decimal places (about 1 cm): two rows at the same rounded position
 * are the same place, and a file without ids gets an id made from it.
 */
const PRECISION = 1e7;

/**
 * The stable id of an asset whose file has no id: its rounded position, `@lon,lat`. Importing
 * the same file again gives the same ids, so it updates rather than duplicates.
 */
export function positionId(lon: number, lat: number): string {
	return `@${lon.toFixed(7)},${lat.toFixed(7)}`;
}

type Position = { lon: number; lat: number } | 'missing' | 'invalid' | 'not_a_point';

function number(cell: unknown): number | null {
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
	if (typeof cell !== 'string') return null;
	// Full-width digits and signs (１４０．１) are common in Japanese spreadsheets.
	const text = cell.normalize('NFKC').trim().replace(/^\+/, '');
	if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
	return Number(text);
}

function position(lonCell: unknown, latCell: unknown): Position {
	const blank = (cell: unknown) => cell === undefined || cell === null || cell === '';
	if (blank(lonCell) || blank(latCell)) return 'missing';

	const lon = number(lonCell);
	const lat = number(latCell);
	if (lon === null || lat === null) return 'invalid';
	// (0, 0) is what a spreadsheet writes for "no position", not a place in the Gulf of Guinea.
	if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || (lon === 0 && lat === 0)) return 'invalid';
	return {
		lon: Math.round(lon * PRECISION) / PRECISION,
		lat: Math.round(lat * PRECISION) / PRECISION
	};
}

/** "35.6074, 140.1233" (also with a Japanese comma or only a space) as a position. */
function latlon(cell: string | undefined): Position {
	const text = (cell ?? '').normalize('NFKC').trim();
	if (text === '') return 'missing';
	const parts = text.split(/\s*[,、\s]\s*/);
	return parts.length === 2 ? position(parts[1], parts[0]) : 'invalid';
}

function geometryPosition(geometry: unknown): Position {
	if (!geometry) return 'missing';
	const point = geometry as { type?: unknown; coordinates?: unknown };
	if (point.type !== 'Point') return 'not_a_point';
	if (!Array.isArray(point.coordinates)) return 'invalid';
	// RFC 7946 §3.1.1: longitude first.
	return position(point.coordinates[0], point.coordinates[1]);
}

function shorten(text: string): string {
	return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

interface RawRow {
	row: number;
	position: Position;
	id: string;
	name: string;
	properties: Record<string, unknown>;
	values: string;
}

function csvRows(file: Extract<InventoryFile, { format: 'csv' }>, mapping: Mapping): RawRow[] {
	const at = (name: string | null) => (name === null ? -1 : file.columns.indexOf(name));
	const used = new Set<number>([at(mapping.id), at(mapping.name)]);
	const c = mapping.coordinates;
	if (c.kind === 'columns') used.add(at(c.longitude)).add(at(c.latitude));
	if (c.kind === 'latlon') used.add(at(c.column));

	return file.rows.map((cells, i) => {
		const cell = (name: string | null) => (name === null ? undefined : cells[at(name)]);
		const properties: Record<string, unknown> = {};
		file.columns.forEach((column, j) => {
			if (!used.has(j) && cells[j] !== undefined && cells[j] !== '') properties[column] = cells[j];
		});
		return {
			row: i + 1,
			position:
				c.kind === 'columns'
					? position(cell(c.longitude), cell(c.latitude))
					: c.kind === 'latlon'
						? latlon(cell(c.column))
						: 'missing',
			id: (cell(mapping.id) ?? '').trim(),
			name: (cell(mapping.name) ?? '').trim(),
			properties,
			values: shorten(cells.join(', '))
		};
	});
}

function geojsonRows(file: Extract<InventoryFile, { format: 'geojson' }>, mapping: Mapping) {
	const text = (value: unknown) =>
		value === undefined || value === null ? '' : String(value).trim();
	return file.features.map((feature, i): RawRow => {
		const id = mapping.id === FEATURE_ID ? feature.id : feature.properties[mapping.id ?? ''];
		const name = text(feature.properties[mapping.name ?? '']);
		return {
			row: i + 1,
			position: geometryPosition(feature.geometry),
			id: text(id),
			name,
			properties: feature.properties,
			values: shorten(
				[
					text(id),
					name,
					JSON.stringify((feature.geometry as { coordinates?: unknown })?.coordinates)
				]
					.filter(Boolean)
					.join(', ')
			)
		};
	});
}

/**
 * Every row of the file as an asset to write, or as skipped with its reason. Each id and each
 * position is kept once, at its first row; a row with no id (none mapped, or an empty cell)
 * gets its position's id.
 */
export function prepare(
	file: InventoryFile,
	mapping: Mapping
): { read: number; candidates: Candidate[]; skipped: Skipped[] } {
	const rows = file.format === 'csv' ? csvRows(file, mapping) : geojsonRows(file, mapping);
	const candidates: Candidate[] = [];
	const skipped: Skipped[] = [];
	const ids = new Set<string>();
	const positions = new Set<string>();

	for (const raw of rows) {
		const skip = (reason: SkipReason) => skipped.push({ row: raw.row, reason, values: raw.values });
		if (raw.position === 'missing') skip('missing_coordinates');
		else if (raw.position === 'invalid') skip('invalid_coordinates');
		else if (raw.position === 'not_a_point') skip('not_a_point');
		else {
			const { lon, lat } = raw.position;
			const place = positionId(lon, lat);
			const externalId = (raw.id || place).slice(0, 200);
			if (raw.id && ids.has(externalId)) skip('duplicate_id');
			else if (positions.has(place)) skip('duplicate_position');
			else if (ids.has(externalId)) skip('duplicate_id');
			else {
				ids.add(externalId);
				positions.add(place);
				candidates.push({
					row: raw.row,
					externalId,
					name: raw.name,
					lon,
					lat,
					properties: raw.properties,
					values: raw.values
				});
			}
		}
	}
	return { read: rows.length, candidates, skipped };
}
