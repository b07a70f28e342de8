// Importing past reports from another system's CSV (ChibaRepo's history, or any city's open
// 311 data): upload, choose the columns, map the category and status values, then write the
// rows as reports of the 'import' channel and keep a report of what was taken and skipped.
// File reading is shared with the asset inventory import.
import { asUser, type Actor } from './db';
import { DomainError, asDomainError } from './errors';
import { isUuid } from './ids';
import { FileError, detectEncoding, readCsv, decode, type TextEncoding } from './assets/files';
import type { CoordinateSystem } from '../report-import-options';
import {
	SKIP_REASONS,
	distinctValues,
	prepare,
	statusKey,
	type ImportStatus,
	type ReportMapping,
	type SkipReason
} from './report-imports/rows';
import { suggestColumns, suggestStatus } from './report-imports/suggest';

export { SKIP_REASONS, type SkipReason };

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;

/** Rows written per statement: large enough to be quick, small enough to keep each short. */
const BATCH = 2000;

/** How many example rows the report keeps for each reason. */
const EXAMPLES = 5;

/** The first mapping step: which column holds what, and how to read places and times. */
export interface ColumnChoice {
	externalId: string;
	/** null: every row gets `categoryCode`. */
	categoryColumn: string | null;
	categoryCode: string | null;
	description: string | null;
	address: string | null;
	createdAt: string;
	closedAt: string | null;
	statusColumn: string | null;
	system: CoordinateSystem;
	x: string;
	y: string;
	zone: string;
	insideCityOnly: boolean;
}

export interface ImportReport {
	read: number;
	imported: number;
	skipped: { reason: SkipReason; count: number; examples: { row: number; values: string }[] }[];
	lateClosed: { count: number; examples: { row: number; values: string }[] };
	insideCityOnly: boolean;
	system: CoordinateSystem;
	zone: string;
	ms: number;
}

interface ImportRow {
	id: string;
	fileName: string;
	encoding: TextEncoding;
	content: Buffer | null;
	choice: ColumnChoice | null;
	report: ImportReport | null;
	createdAt: Date;
}

function readContent(bytes: Uint8Array, encoding: TextEncoding) {
	try {
		const file = readCsv(decode(bytes, encoding));
		if (file.format !== 'csv') throw new FileError('import_unreadable_file');
		return file;
	} catch (failure) {
		if (failure instanceof FileError) throw new DomainError(failure.code);
		throw failure;
	}
}

/** Keeps an uploaded CSV as a pending import after checking that it can be read; its id. */
export async function upload(
	actor: Actor,
	file: { name: string; bytes: Uint8Array }
): Promise<string> {
	if (file.bytes.byteLength === 0) throw new DomainError('import_empty_file');
	if (file.bytes.byteLength > MAX_FILE_BYTES) throw new DomainError('import_file_too_large');
	const encoding = detectEncoding(file.bytes);
	if (!encoding) throw new DomainError('import_unknown_encoding');
	readContent(file.bytes, encoding);

	return asUser(actor, async (tx) => {
		// Uploads whose mapping was never finished are not kept for long.
		await tx`delete from public.report_imports
			where created_by = ${actor.id} and finished_at is null and created_at < now() - interval '1 day'`;
		const [row] = await tx<{ id: string }[]>`
			insert into public.report_imports (file_name, encoding, content)
			values (${file.name.slice(0, 255) || 'upload.csv'}, ${encoding}, ${Buffer.from(file.bytes)})
			returning id`;
		return row.id;
	}).catch(asDomainError);
}

async function readImportRow(actor: Actor, id: string): Promise<ImportRow | null> {
	if (!isUuid(id)) return null;
	const [row] = await asUser(
		actor,
		(tx) => tx<ImportRow[]>`
		select id, file_name as "fileName", encoding, content, mapping as choice, report,
			created_at as "createdAt"
		from public.report_imports where id = ${id}`
	);
	return row ?? null;
}

export interface ImportPreview {
	id: string;
	fileName: string;
	encoding: TextEncoding;
	columns: string[];
	sample: string[][];
	rowCount: number;
	suggested: ColumnChoice;
	/** Set once the columns are chosen: the values to map in the second step. */
	choice: ColumnChoice | null;
	categoryValues: string[];
	statusValues: { value: string; suggested: ImportStatus | '' }[];
}

/** What the mapping steps show; null when the import does not exist or has already run. */
export async function preview(actor: Actor, id: string): Promise<ImportPreview | null> {
	const row = await readImportRow(actor, id);
	if (!row?.content || row.report) return null;

	const file = readContent(row.content, row.encoding);
	const choice = row.choice;
	return {
		id: row.id,
		fileName: row.fileName,
		encoding: row.encoding,
		columns: file.columns,
		sample: file.rows.slice(0, 5),
		rowCount: file.rows.length,
		suggested: suggestColumns(file.columns, file.rows),
		choice,
		categoryValues: choice?.categoryColumn
			? distinctValues(file.columns, file.rows, choice.categoryColumn).sort()
			: [],
		statusValues: choice?.statusColumn
			? distinctValues(file.columns, file.rows, choice.statusColumn, statusKey)
					.sort()
					.map((value) => ({ value, suggested: suggestStatus(value) }))
			: []
	};
}

/** Keeps the first step's choice; refuses names that are not columns of the file. */
export async function chooseColumns(actor: Actor, id: string, choice: ColumnChoice | null) {
	const row = await readImportRow(actor, id);
	if (!row?.content || row.report) throw new DomainError('import_not_found');
	if (choice) {
		const { columns } = readContent(row.content, row.encoding);
		const named = [
			choice.externalId,
			choice.categoryColumn,
			choice.description,
			choice.address,
			choice.createdAt,
			choice.closedAt,
			choice.statusColumn,
			choice.x,
			choice.y
		];
		if (named.some((name) => name !== null && !columns.includes(name))) {
			throw new DomainError('import_bad_mapping');
		}
	}
	await asUser(
		actor,
		(tx) => tx`
		update public.report_imports set mapping = ${choice ? tx.json(JSON.parse(JSON.stringify(choice))) : null}
		where id = ${id} and finished_at is null`
	).catch(asDomainError);
}

/** The full mapping from the saved column choice and the second step's value maps. */
export function mappingOf(
	choice: ColumnChoice,
	categoryValues: Record<string, string>,
	statusValues: Record<string, ImportStatus | ''>
): ReportMapping {
	return {
		externalId: choice.externalId,
		category: choice.categoryColumn
			? { column: choice.categoryColumn, values: categoryValues }
			: { code: choice.categoryCode ?? '' },
		description: choice.description,
		address: choice.address,
		createdAt: choice.createdAt,
		closedAt: choice.closedAt,
		status: choice.statusColumn ? { column: choice.statusColumn, values: statusValues } : null,
		place: { system: choice.system, x: choice.x, y: choice.y },
		zone: choice.zone,
		insideCityOnly: choice.insideCityOnly
	};
}

function group<T extends { row: number; values: string }>(rows: T[]) {
	return {
		count: rows.length,
		examples: rows.slice(0, EXAMPLES).map(({ row, values }) => ({ row, values }))
	};
}

/**
 * Imports a pending upload with the given mapping in set-based batches and keeps the report
 * with the import. Each batch is its own short transaction, so the embedded database keeps
 * answering other requests; an interrupted import is completed by running the file again,
 * since rows already imported are recognised by their external id.
 */
export async function runImport(
	actor: Actor,
	id: string,
	mapping: ReportMapping
): Promise<ImportReport> {
	const started = performance.now();
	const row = await readImportRow(actor, id);
	if (!row) throw new DomainError('import_not_found');
	if (row.report) return row.report;
	if (!row.content) throw new DomainError('import_not_found');

	const file = readContent(row.content, row.encoding);
	const { read, candidates, skipped, lateClosed } = prepare(file.columns, file.rows, mapping);

	const outcomes = new Map<number, string>();
	for (let from = 0; from < candidates.length; from += BATCH) {
		const batch = candidates.slice(from, from + BATCH);
		const results = await asUser(
			actor,
			(tx) => tx<{ row_number: number; outcome: string }[]>`
			select row_number, outcome from public.import_reports(
				${id}::uuid,
				${batch.map((c) => c.row)}::integer[],
				${batch.map((c) => c.externalId)}::text[],
				${batch.map((c) => c.categoryCode)}::text[],
				${batch.map((c) => c.description)}::text[],
				${batch.map((c) => c.address)}::text[],
				${batch.map((c) => c.lon)}::double precision[],
				${batch.map((c) => c.lat)}::double precision[],
				${batch.map((c) => c.status)}::text[],
				${batch.map((c) => c.createdAt.toISOString())}::timestamptz[],
				${batch.map((c) => c.closedAt?.toISOString() ?? null)}::timestamptz[],
				${mapping.insideCityOnly})`
		).catch(asDomainError);
		for (const result of results) outcomes.set(result.row_number, result.outcome);
	}

	const taken = candidates.filter((c) => outcomes.get(c.row) === 'imported');
	for (const candidate of candidates) {
		const outcome = outcomes.get(candidate.row);
		if (outcome === 'already_imported' || outcome === 'outside_city') {
			skipped.push({ row: candidate.row, reason: outcome, values: candidate.values });
		}
	}
	skipped.sort((a, b) => a.row - b.row);
	const takenRows = new Set(taken.map((c) => c.row));

	const report: ImportReport = {
		read,
		imported: taken.length,
		skipped: SKIP_REASONS.map((reason) => ({
			reason,
			...group(skipped.filter((s) => s.reason === reason))
		})).filter((s) => s.count > 0),
		lateClosed: group(lateClosed.filter((late) => takenRows.has(late.row))),
		insideCityOnly: mapping.insideCityOnly,
		system: mapping.place.system,
		zone: mapping.zone,
		ms: Math.round(performance.now() - started)
	};
	const counts = Object.fromEntries(report.skipped.map((s) => [s.reason, s.count]));
	await asUser(
		actor,
		(tx) => tx`
		update public.report_imports set report = ${tx.json(JSON.parse(JSON.stringify(report)))},
			imported = ${report.imported}, skipped = ${tx.json(counts)}, finished_at = now(),
			content = null
		where id = ${id} and finished_at is null`
	);
	return report;
}

/** A finished import's report, or null while it is still pending. */
export async function readReport(actor: Actor, id: string) {
	const row = await readImportRow(actor, id);
	if (!row?.report) return null;
	return { id: row.id, fileName: row.fileName, report: row.report };
}

export interface ImportSummary {
	id: string;
	fileName: string;
	createdAt: Date;
	finished: boolean;
	imported: number;
	skipped: number;
}

/** The latest imports by any staff member, newest first. */
export async function listImports(actor: Actor, limit = 20): Promise<ImportSummary[]> {
	return asUser(
		actor,
		(tx) => tx<ImportSummary[]>`
		select id, file_name as "fileName", created_at as "createdAt",
			finished_at is not null as finished, imported,
			coalesce((select sum(value::int) from jsonb_each_text(skipped)), 0)::int as skipped
		from public.report_imports
		where finished_at is not null or created_by = ${actor.id}
		order by created_at desc limit ${limit}`
	);
}
