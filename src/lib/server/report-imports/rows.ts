// Turning the rows of a past-reports CSV into reports by the staff's mapping, and deciding
// which rows cannot be imported and why. What needs the database (reports imported before, the
// city boundary) is decided by public.import_reports.
import { readNumber, toLonLat, type CoordinateSystem } from './places';
import { readTime } from './times';
import type { ImportStatus } from '../../report-import-options';

export type { ImportStatus };

/** Which column holds what, and what the file's category and status values mean here. */
export interface ReportMapping {
	externalId: string;
	/** A column whose values map to category codes ('' skips the row), or one code for all. */
	category: { column: string; values: Record<string, string> } | { code: string };
	description: string | null;
	address: string | null;
	createdAt: string;
	closedAt: string | null;
	/** Values keyed in lower case; without a status column, a row with a close date is resolved. */
	status: { column: string; values: Record<string, ImportStatus | ''> } | null;
	place: { system: CoordinateSystem; x: string; y: string };
	zone: string;
	insideCityOnly: boolean;
}

export type SkipReason =
	| 'missing_coordinates'
	| 'invalid_coordinates'
	| 'unreadable_date'
	| 'closed_before_opened'
	| 'unknown_category'
	| 'unknown_status'
	| 'missing_id'
	| 'duplicate_id'
	| 'already_imported'
	| 'outside_city';

export const SKIP_REASONS: SkipReason[] = [
	'missing_coordinates',
	'invalid_coordinates',
	'unreadable_date',
	'closed_before_opened',
	'unknown_category',
	'unknown_status',
	'missing_id',
	'duplicate_id',
	'already_imported',
	'outside_city'
];

export interface Candidate {
	/** 1-based data row (the header not counted). */
	row: number;
	externalId: string;
	categoryCode: string;
	description: string;
	address: string;
	lon: number;
	lat: number;
	status: ImportStatus;
	createdAt: Date;
	closedAt: Date | null;
	values: string;
}

export interface Flagged {
	row: number;
	values: string;
}

/** A report closed later than this after it was opened is kept but flagged in the report. */
const LATE_MS = 365 * 24 * 60 * 60 * 1000;

/** The key of a status value: case and surrounding spaces do not matter ("Cancel", "CANCEL"). */
export function statusKey(value: string | undefined): string {
	return (value ?? '').normalize('NFKC').trim().toLowerCase();
}

function shorten(text: string): string {
	return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/**
 * Every row as a report to write or as skipped with its reason, and the rows closed more than
 * a year after they were opened. An external id is taken once, at its first row that can be
 * imported; later rows with it are duplicates.
 */
export function prepare(columns: string[], rows: string[][], mapping: ReportMapping) {
	const at = new Map(columns.map((name, i) => [name, i]));
	const cellOf = (cells: string[], name: string | null) =>
		name === null || !at.has(name) ? '' : (cells[at.get(name) ?? -1] ?? '').trim();

	const candidates: Candidate[] = [];
	const skipped: (Flagged & { reason: SkipReason })[] = [];
	const lateClosed: Flagged[] = [];
	const ids = new Set<string>();

	rows.forEach((cells, i) => {
		const row = i + 1;
		const values = shorten(cells.join(', '));
		const skip = (reason: SkipReason) => skipped.push({ row, reason, values });
		const cell = (name: string | null) => cellOf(cells, name);

		const xCell = cell(mapping.place.x);
		const yCell = cell(mapping.place.y);
		if (xCell === '' || yCell === '') return skip('missing_coordinates');
		const x = readNumber(xCell);
		const y = readNumber(yCell);
		const place = x === null || y === null ? null : toLonLat(mapping.place.system, x, y);
		if (!place) return skip('invalid_coordinates');

		const createdAt = readTime(cell(mapping.createdAt), mapping.zone);
		const closedCell = cell(mapping.closedAt);
		const closedAt = closedCell === '' ? null : readTime(closedCell, mapping.zone);
		if (!createdAt || (closedCell !== '' && !closedAt)) return skip('unreadable_date');
		if (closedAt && closedAt < createdAt) return skip('closed_before_opened');

		const category = mapping.category;
		const categoryCode =
			'code' in category ? category.code : (category.values[cell(category.column)] ?? '');
		if (!categoryCode) return skip('unknown_category');

		const status: ImportStatus | '' = mapping.status
			? (mapping.status.values[statusKey(cell(mapping.status.column))] ?? '')
			: closedAt
				? 'resolved'
				: 'received';
		if (!status) return skip('unknown_status');

		const externalId = cell(mapping.externalId).slice(0, 200);
		if (!externalId) return skip('missing_id');
		if (ids.has(externalId)) return skip('duplicate_id');
		ids.add(externalId);

		if (closedAt && closedAt.getTime() - createdAt.getTime() > LATE_MS) {
			lateClosed.push({ row, values });
		}
		candidates.push({
			row,
			externalId,
			categoryCode,
			description: cell(mapping.description).slice(0, 4000),
			address: cell(mapping.address).slice(0, 200),
			...place,
			status,
			createdAt,
			closedAt,
			values
		});
	});
	return { read: rows.length, candidates, skipped, lateClosed };
}

/** The distinct values of a column, in order of first appearance, at most `limit` of them. */
export function distinctValues(
	columns: string[],
	rows: string[][],
	column: string,
	key: (value: string) => string = (value) => value.trim(),
	limit = 300
): string[] {
	const index = columns.indexOf(column);
	if (index < 0) return [];
	const seen = new Set<string>();
	for (const cells of rows) {
		seen.add(key(cells[index] ?? ''));
		if (seen.size >= limit) break;
	}
	return [...seen];
}
