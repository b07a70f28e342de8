// Asset inventories: the city's layers of mapped public objects, and importing them from the
// CSV and GeoJSON files public bodies publish. Row-level security decides who may write.
import { asUser, type Actor } from './db';
import { DomainError, asDomainError } from './errors';
import { isUuid } from './ids';
import {
	FileError,
	detectEncoding,
	formatOf,
	readFile,
	type FileFormat,
	type InventoryFile,
	type TextEncoding
} from './assets/files';
import { FEATURE_ID, SKIP_REASONS, prepare, type Mapping, type SkipReason } from './assets/mapping';

export { FEATURE_ID, SKIP_REASONS, type Mapping, type SkipReason };

export interface Layer {
	id: number;
	code: string;
	nameJa: string;
	nameEn: string;
	categoryCode: string | null;
	assetCount: number;
}

export interface NewLayer {
	code: string;
	nameJa: string;
	nameEn: string;
	categoryCode: string | null;
}

/** Files larger than this are refused before parsing (the Bristol CSV is 1.9 MB). */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;

/** Rows written per statement: large enough to be quick, small enough to keep each short. */
const BATCH = 5000;

/** How many example rows the report keeps for each reason. */
const EXAMPLES = 5;

const layerColumns = (tx: Parameters<Parameters<typeof asUser>[1]>[0]) => tx`
	l.id::int, l.code, l.name_ja as "nameJa", l.name_en as "nameEn", l.category_code as "categoryCode",
	(select count(*)::int from public.assets a where a.layer_id = l.id) as "assetCount"`;

export async function listLayers(actor: Actor | null): Promise<Layer[]> {
	return asUser(
		actor,
		(tx) => tx<Layer[]>`select ${layerColumns(tx)} from public.asset_layers l order by l.code`
	);
}

export async function readLayer(actor: Actor | null, code: string): Promise<Layer | null> {
	const [layer] = await asUser(
		actor,
		(tx) =>
			tx<Layer[]>`select ${layerColumns(tx)} from public.asset_layers l where l.code = ${code}`
	);
	return layer ?? null;
}

export async function createLayer(actor: Actor, input: NewLayer): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`
		insert into public.asset_layers (code, name_ja, name_en, category_code)
		values (${input.code}, ${input.nameJa}, ${input.nameEn}, ${input.categoryCode})`
	).catch((failure: { code?: string; constraint_name?: string }) => {
		if (failure?.code === '23505') throw new DomainError('inventory_code_taken');
		if (failure?.code === '23503') throw new DomainError('inventory_unknown_category');
		asDomainError(failure);
	});
}

/** The categories a layer's faults can be reported in. */
export async function listCategories(actor: Actor | null) {
	return asUser(
		actor,
		(tx) => tx<{ code: string; nameJa: string; nameEn: string }[]>`
		select code, name_ja as "nameJa", name_en as "nameEn" from public.categories order by id`
	);
}

export interface PendingImport {
	id: string;
	layer: { code: string; nameJa: string; nameEn: string };
	fileName: string;
	format: FileFormat;
	encoding: TextEncoding;
	finished: boolean;
}

/**
 * Keeps an uploaded file as a pending import of the layer, after checking that it can be read,
 * so that the column mapping step need not ask for it again. Returns the import's id.
 */
export async function upload(
	actor: Actor,
	layerCode: string,
	file: { name: string; bytes: Uint8Array }
): Promise<string> {
	if (file.bytes.byteLength === 0) throw new DomainError('import_empty_file');
	if (file.bytes.byteLength > MAX_FILE_BYTES) throw new DomainError('import_file_too_large');
	const encoding = detectEncoding(file.bytes);
	if (!encoding) throw new DomainError('import_unknown_encoding');
	const format = formatOf(file.name, new TextDecoder().decode(file.bytes.subarray(0, 64)));
	try {
		readFile(file.bytes, encoding, format);
	} catch (failure) {
		if (failure instanceof FileError) throw new DomainError(failure.code);
		throw failure;
	}

	return asUser(actor, async (tx) => {
		// Uploads whose mapping was never finished are not kept for long.
		await tx`delete from public.asset_imports
			where created_by = ${actor.id} and finished_at is null and created_at < now() - interval '1 day'`;
		const [row] = await tx<{ id: string }[]>`
			insert into public.asset_imports (layer_id, file_name, format, encoding, content)
			select l.id, ${file.name.slice(0, 255) || 'upload'}, ${format}, ${encoding},
				${Buffer.from(file.bytes)}
			from public.asset_layers l where l.code = ${layerCode}
			returning id`;
		if (!row) throw new DomainError('inventory_layer_not_found');
		return row.id;
	}).catch(asDomainError);
}

interface ImportRow extends PendingImport {
	layerId: number;
	content: Buffer | null;
	report: ImportReport | null;
}

async function readImportRow(actor: Actor, id: string): Promise<ImportRow | null> {
	if (!isUuid(id)) return null;
	const [row] = await asUser(
		actor,
		(tx) => tx<ImportRow[]>`
		select i.id, i.layer_id::int as "layerId", i.file_name as "fileName", i.format, i.encoding,
			i.content, i.report, i.finished_at is not null as finished,
			json_build_object('code', l.code, 'nameJa', l.name_ja, 'nameEn', l.name_en) as layer
		from public.asset_imports i join public.asset_layers l on l.id = i.layer_id
		where i.id = ${id}`
	);
	return row ?? null;
}

export interface ImportPreview extends PendingImport {
	/** CSV header, or the GeoJSON properties' keys. */
	columns: string[];
	hasFeatureIds: boolean;
	/** The first rows, as cells under `columns`. */
	sample: string[][];
	rowCount: number;
	suggested: Mapping;
}

function cellText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * What the mapping step shows: the header, the first rows and a guess at the mapping; null when
 * the import does not exist for this person or has already run.
 */
export async function preview(actor: Actor, id: string): Promise<ImportPreview | null> {
	const row = await readImportRow(actor, id);
	if (!row?.content) return null;
	const pending: PendingImport = {
		id: row.id,
		layer: row.layer,
		fileName: row.fileName,
		format: row.format,
		encoding: row.encoding,
		finished: row.finished
	};

	const file = readFile(row.content, row.encoding, row.format);
	const columns = file.format === 'csv' ? file.columns : file.keys;
	const sample =
		file.format === 'csv'
			? file.rows.slice(0, 5)
			: file.features.slice(0, 5).map((f) => file.keys.map((key) => cellText(f.properties[key])));
	return {
		...pending,
		columns,
		hasFeatureIds: file.format === 'geojson' && file.hasFeatureIds,
		sample,
		rowCount: file.format === 'csv' ? file.rows.length : file.features.length,
		suggested: guess(columns, file.format)
	};
}

const GUESSES = {
	id: /^(id|fid|no|number|code|共通id|管理番号|番号|識別番号)$/i,
	name: /^(name|title|名称|施設名|施設・場所名|名前)$/i,
	longitude: /^(lon|lng|long|longitude|x|経度)$/i,
	latitude: /^(lat|latitude|y|緯度)$/i,
	latlon: /^(latlon|lat,lon|lat_lon|location|coordinates|座標|位置)$/i
};

function guess(columns: string[], format: FileFormat): Mapping {
	const find = (pattern: RegExp) => columns.find((column) => pattern.test(column.trim())) ?? null;
	const longitude = find(GUESSES.longitude);
	const latitude = find(GUESSES.latitude);
	const latlon = find(GUESSES.latlon);
	return {
		id: find(GUESSES.id),
		name: find(GUESSES.name),
		coordinates:
			format === 'geojson'
				? { kind: 'geometry' }
				: latlon && !(longitude && latitude)
					? { kind: 'latlon', column: latlon }
					: { kind: 'columns', longitude: longitude ?? '', latitude: latitude ?? '' }
	};
}

export interface ImportReport {
	read: number;
	inserted: number;
	updated: number;
	unchanged: number;
	skipped: { reason: SkipReason; count: number; examples: { row: number; values: string }[] }[];
	insideCityOnly: boolean;
	ms: number;
}

/** Checks a mapping against the file's columns; returns the names it refers to that are missing. */
function unknownColumns(file: InventoryFile, mapping: Mapping): string[] {
	const known = new Set(file.format === 'csv' ? file.columns : file.keys);
	if (file.format === 'geojson') known.add(FEATURE_ID);
	const c = mapping.coordinates;
	const named = [
		mapping.id,
		mapping.name,
		...(c.kind === 'columns' ? [c.longitude, c.latitude] : c.kind === 'latlon' ? [c.column] : [])
	];
	const wrongKind = (file.format === 'geojson') !== (c.kind === 'geometry');
	return [
		...named.filter((name): name is string => name !== null && !known.has(name)),
		...(wrongKind ? ['coordinates'] : [])
	];
}

/**
 * Imports a pending upload into its layer with the given mapping, in set-based batches, and
 * keeps the report with the import. Each batch is its own short transaction, so that the
 * embedded database keeps answering other requests during a large import; an interrupted import
 * is completed by running it again, since rows are matched by external id.
 */
export async function runImport(
	actor: Actor,
	id: string,
	mapping: Mapping,
	insideCityOnly: boolean
): Promise<ImportReport> {
	const started = performance.now();
	const row = await readImportRow(actor, id);
	if (!row) throw new DomainError('import_not_found');
	if (row.report) return row.report;
	if (!row.content) throw new DomainError('import_not_found');

	const file = readFile(row.content, row.encoding, row.format);
	if (unknownColumns(file, mapping).length > 0) throw new DomainError('import_bad_mapping');
	const { read, candidates, skipped } = prepare(file, mapping);

	const outcomes = new Map<number, string>();
	for (let from = 0; from < candidates.length; from += BATCH) {
		const batch = candidates.slice(from, from + BATCH);
		const results = await asUser(
			actor,
			(tx) => tx<{ row_number: number; outcome: string }[]>`
			select row_number, outcome from public.import_asset_batch(
				${row.layerId}::bigint,
				${batch.map((c) => c.row)}::integer[],
				${batch.map((c) => c.externalId)}::text[],
				${batch.map((c) => c.name)}::text[],
				${batch.map((c) => c.lon)}::double precision[],
				${batch.map((c) => c.lat)}::double precision[],
				${batch.map((c) => JSON.stringify(c.properties))}::text[]::jsonb[],
				${insideCityOnly})`
		).catch(asDomainError);
		for (const result of results) outcomes.set(result.row_number, result.outcome);
	}

	const count = (outcome: string) => [...outcomes.values()].filter((o) => o === outcome).length;
	for (const candidate of candidates) {
		const outcome = outcomes.get(candidate.row);
		if (outcome === 'outside_city' || outcome === 'duplicate_position') {
			skipped.push({ row: candidate.row, reason: outcome, values: candidate.values });
		}
	}
	skipped.sort((a, b) => a.row - b.row);

	const report: ImportReport = {
		read,
		inserted: count('inserted'),
		updated: count('updated'),
		unchanged: count('unchanged'),
		skipped: SKIP_REASONS.map((reason) => {
			const these = skipped.filter((s) => s.reason === reason);
			return {
				reason,
				count: these.length,
				examples: these.slice(0, EXAMPLES).map(({ row, values }) => ({ row, values }))
			};
		}).filter((s) => s.count > 0),
		insideCityOnly,
		ms: Math.round(performance.now() - started)
	};
	await asUser(
		actor,
		(tx) => tx`
		update public.asset_imports set report = ${tx.json(JSON.parse(JSON.stringify(report)))},
			finished_at = now(), content = null
		where id = ${id} and finished_at is null`
	);
	return report;
}

/** A finished import's report with its layer, or null while it is still pending. */
export async function readReport(actor: Actor, id: string) {
	const row = await readImportRow(actor, id);
	if (!row?.report) return null;
	return { id: row.id, layer: row.layer, fileName: row.fileName, report: row.report };
}

/** Whether an import exists and is still waiting for its mapping. */
export async function isPending(actor: Actor, id: string): Promise<boolean | null> {
	const row = await readImportRow(actor, id);
	return row ? !row.finished : null;
}

export interface AssetRow {
	id: number;
	externalId: string;
	name: string;
	lon: number;
	lat: number;
}

export const PAGE_SIZE = 50;

/** One page of a layer's assets, by external id: the list that stands beside every map. */
export async function listAssets(actor: Actor | null, layerId: number, page: number) {
	return asUser(
		actor,
		(tx) => tx<AssetRow[]>`
		select a.id::int, a.external_id as "externalId", a.name,
			extensions.st_x(a.location) as lon, extensions.st_y(a.location) as lat
		from public.assets a where a.layer_id = ${layerId}
		order by a.external_id
		limit ${PAGE_SIZE} offset ${(Math.max(page, 1) - 1) * PAGE_SIZE}`
	);
}
