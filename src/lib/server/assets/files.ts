// Reading inventory files as cities publish them: CSV or GeoJSON, in UTF-8 (with or without a
// byte order mark) or in Shift_JIS (cp932), which is what most Japanese public bodies publish.
import Encoding from 'encoding-japanese';
import { parse } from 'csv-parse/sync';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'euc-jp';
export type FileFormat = 'csv' | 'geojson';

/** A file's rows as cells: CSV rows, or GeoJSON features with their properties. */
export type InventoryFile =
	| { format: 'csv'; columns: string[]; rows: string[][] }
	| { format: 'geojson'; keys: string[]; hasFeatureIds: boolean; features: GeoFeature[] };

export interface GeoFeature {
	id: string | null;
	geometry: unknown;
	properties: Record<string, unknown>;
}

/** Why a file cannot be read at all (as opposed to one row of it being skipped). */
export class FileError extends Error {
	constructor(public readonly code: 'import_unknown_encoding' | 'import_unreadable_file') {
		super(code);
		this.name = 'FileError';
	}
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * The text encoding of an uploaded file. A UTF-8 byte order mark decides at once; otherwise
 * encoding-japanese looks at the bytes. Anything else (UTF-16, ISO-2022-JP, binary) is refused
 * rather than decoded into nonsense.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding | null {
	if (BOM.every((byte, i) => bytes[i] === byte)) return 'utf-8-bom';

	switch (Encoding.detect(bytes, ['UTF8', 'SJIS', 'EUCJP'])) {
		case 'UTF8':
			return 'utf-8';
		case 'SJIS':
			return 'shift_jis';
		case 'EUCJP':
			return 'euc-jp';
		default:
			// A file of plain ASCII is also UTF-8.
			return Encoding.detect(bytes) === 'ASCII' ? 'utf-8' : null;
	}
}

/**
 * The file's text. WHATWG's `shift_jis` decoder is in fact Windows-31J (cp932), so the NEC and
 * IBM extensions (①, ㈱, 髙) that Japanese offices use come out right.
 */
export function decode(bytes: Uint8Array, encoding: TextEncoding): string {
	const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
	// The decoder drops a leading BOM by itself.
	return new TextDecoder(label).decode(bytes);
}

/** CSV unless the name or the first character says GeoJSON. */
export function formatOf(fileName: string, text: string): FileFormat {
	if (/\.(geo)?json$/i.test(fileName) || text.trimStart().startsWith('{')) return 'geojson';
	return 'csv';
}

export function readFile(bytes: Uint8Array, encoding: TextEncoding, format: FileFormat) {
	const text = decode(bytes, encoding);
	return format === 'csv' ? readCsv(text) : readGeojson(text);
}

/** A CSV with a header line; empty lines are ignored and short rows are padded. */
export function readCsv(text: string): InventoryFile {
	let records: string[][];
	try {
		records = parse(text, {
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			trim: true
		});
	} catch {
		throw new FileError('import_unreadable_file');
	}
	const [header, ...rows] = records;
	if (!header || header.every((cell) => cell === '')) throw new FileError('import_unreadable_file');

	// Unnamed or repeated headers still need distinct names for the mapping form.
	const seen = new Set<string>();
	const columns = header.map((name, i) => {
		let unique = name || `#${i + 1}`;
		while (seen.has(unique)) unique = `${unique} (${i + 1})`;
		seen.add(unique);
		return unique;
	});
	return { format: 'csv', columns, rows };
}

/** A GeoJSON FeatureCollection (RFC 7946 §3.3). */
export function readGeojson(text: string): InventoryFile {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new FileError('import_unreadable_file');
	}
	const collection = parsed as { type?: unknown; features?: unknown };
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
		throw new FileError('import_unreadable_file');
	}

	const keys = new Set<string>();
	let hasFeatureIds = false;
	const features = collection.features.map((raw: unknown): GeoFeature => {
		const feature = (raw ?? {}) as { id?: unknown; geometry?: unknown; properties?: unknown };
		const properties =
			feature.properties && typeof feature.properties === 'object'
				? (feature.properties as Record<string, unknown>)
				: {};
		for (const key of Object.keys(properties)) keys.add(key);
		const id =
			typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : null;
		if (id !== null) hasFeatureIds = true;
		return { id, geometry: feature.geometry ?? null, properties };
	});
	return { format: 'geojson', keys: [...keys], hasFeatureIds, features };
}
