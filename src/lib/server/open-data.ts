// Open data: the public datasets (reports without personal data, approved campaign entries,
// assets with their latest check, the wards) as CSV and GeoJSON downloads that stream row by
// row, so that a million reports never sit in memory at once.
import type { DatasetName, ExportFilters, ExportFormat } from '$lib/schemas/open-data';
import { batches, type Strategy } from './open-data/batches';
import { datasets } from './open-data/datasets';
import { csvChunks, geojsonChunks, toByteStream } from './open-data/formats';

export { datasets, type Column, type ColumnType, type Dataset } from './open-data/datasets';
export { batches } from './open-data/batches';

/**
 * Downloads running at once in this server. On PostgreSQL each holds a pooled connection for
 * its whole length; beyond this many the next is turned away (503) rather than starving pages.
 */
export const MAX_RUNNING = 2;
let running = 0;

export interface DownloadOptions {
	/** Absolute URL of the site, for photo links. */
	origin: string;
	/** CSV for spreadsheet software: a BOM, and formulas neutralised. */
	spreadsheet?: boolean;
	strategy?: Strategy;
	batchSize?: number;
	/** Called once if reading fails after the download has started. */
	onError?: (failure: unknown) => void;
}

export interface Download {
	body: ReadableStream<Uint8Array>;
	contentType: string;
	fileName: string;
}

/** Whether a dataset is offered in a format (the wards are polygons: GeoJSON only). */
export function offers(name: DatasetName, format: ExportFormat): boolean {
	return (datasets[name].formats as readonly string[]).includes(format);
}

/** The chunks of a download's text, lazily: nothing is read before the first is asked for. */
export function chunks<Name extends DatasetName>(
	name: Name,
	format: ExportFormat,
	filter: ExportFilters[Name],
	options: DownloadOptions
): AsyncGenerator<string> {
	const dataset = datasets[name];
	const rows = batches(dataset, filter, {
		origin: options.origin,
		strategy: options.strategy,
		size: options.batchSize
	});
	return format === 'csv'
		? csvChunks(dataset.columns, rows, { spreadsheet: options.spreadsheet })
		: geojsonChunks(dataset, rows);
}

/**
 * A download as a stream, or null when too many are already running. A download counts from
 * its first read until it ends, fails or is cancelled.
 */
export function download<Name extends DatasetName>(
	name: Name,
	format: ExportFormat,
	filter: ExportFilters[Name],
	options: DownloadOptions
): Download | null {
	if (running >= MAX_RUNNING) return null;

	return {
		body: toByteStream(
			counted(() => chunks(name, format, filter, options)),
			options.onError
		),
		contentType: contentType(format),
		fileName: fileName(name, format, options.spreadsheet ?? false)
	};
}

export function contentType(format: ExportFormat): string {
	return format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/geo+json';
}

async function* counted(source: () => AsyncGenerator<string>): AsyncGenerator<string> {
	running++;
	try {
		yield* source();
	} finally {
		running--;
	}
}

/** `machi-quest-reports-2026-12-04.csv`, the day in Japan. */
export function fileName(name: DatasetName, format: ExportFormat, spreadsheet: boolean): string {
	const day = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
	const variant = spreadsheet && format === 'csv' ? '-excel' : '';
	return `machi-quest-${name}-${day}${variant}.${format}`;
}
