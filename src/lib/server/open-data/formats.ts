// Turning batches of rows into the text of a download, one batch at a time: CSV (RFC 4180,
// through csv-stringify) and GeoJSON (RFC 7946).
import { stringify } from 'csv-stringify/sync';
import type { Column, Dataset, ExportRow } from './datasets';

export interface CsvOptions {
	/**
	 * For spreadsheet software (Excel in Japan reads UTF-8 only after a byte order mark): adds the
	 * BOM and neutralises cells that a spreadsheet would run as a formula (=, +, -, @ first).
	 */
	spreadsheet?: boolean;
}

/** CSV text: the header line first, then one chunk per batch. CRLF line ends, as RFC 4180. */
export async function* csvChunks(
	columns: readonly Column[],
	rows: AsyncIterable<ExportRow[]>,
	options: CsvOptions = {}
): AsyncGenerator<string> {
	const settings = {
		columns: columns.map((column) => column.name),
		record_delimiter: 'windows' as const,
		escape_formulas: options.spreadsheet ?? false,
		cast: { boolean: (value: boolean) => (value ? 'true' : 'false') }
	};
	const bom = options.spreadsheet ? '\ufeff' : '';
	yield bom + stringify([], { ...settings, header: true });

	for await (const batch of rows) yield stringify(batch, settings);
}

/** A FeatureCollection, written feature by feature: valid JSON only once the last chunk is out. */
export async function* geojsonChunks(
	dataset: Pick<Dataset, 'columns' | 'id'>,
	rows: AsyncIterable<ExportRow[]>
): AsyncGenerator<string> {
	yield '{"type":"FeatureCollection","features":[';
	let first = true;
	for await (const batch of rows) {
		const features = batch.map((row) => JSON.stringify(feature(dataset, row)));
		yield (first ? '' : ',') + features.join(',');
		first = false;
	}
	yield ']}\n';
}

/** RFC 7946 §3.2: longitude before latitude, in WGS 84; no crs member (§4). */
function feature(dataset: Pick<Dataset, 'columns' | 'id'>, row: ExportRow) {
	const geometry =
		typeof row.geometry === 'string'
			? (JSON.parse(row.geometry) as unknown)
			: { type: 'Point', coordinates: [row.longitude, row.latitude] };
	const properties: Record<string, unknown> = {};
	for (const column of dataset.columns) {
		if (column.name !== 'longitude' && column.name !== 'latitude') {
			properties[column.name] = row[column.name] ?? null;
		}
	}
	return { type: 'Feature', id: dataset.id(row), geometry, properties };
}

/**
 * A byte stream that pulls the next chunk only when the reader asks for one (the stream's
 * back-pressure; a high-water mark of 0 also means a stream nobody reads never starts its
 * source), and stops the source when the download is cancelled.
 */
export function toByteStream(
	chunks: AsyncIterable<string>,
	onError: (failure: unknown) => void = () => undefined
): ReadableStream<Uint8Array> {
	const iterator = chunks[Symbol.asyncIterator]();
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					const next = await iterator.next();
					if (next.done) controller.close();
					else controller.enqueue(encoder.encode(next.value));
				} catch (failure) {
					onError(failure);
					controller.error(failure);
				}
			},
			async cancel() {
				await iterator.return?.();
			}
		},
		{ highWaterMark: 0 }
	);
}
