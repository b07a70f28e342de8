// Reading a whole dataset without holding it: rows come a batch at a time, and the next batch is
// read only when the consumer asks for it, so memory stays flat at a million rows.
//
// PostgreSQL: one read-only snapshot and a server-side cursor (postgres.js `cursor(n)`) on a
// reserved connection. The embedded database (PGlite) serves one connection at a time, so a
// transaction held for a whole export would stall the site: there each batch is its own short
// transaction, continuing after the last row's key (keyset pagination).
import type { DatasetName, ExportFilters } from '$lib/schemas/open-data';
import { asUser, db, type Tx } from '../db';
import type { Dataset, ExportRow } from './datasets';

export const BATCH_SIZE = 1000;

export type Strategy = 'cursor' | 'keyset';

export interface BatchOptions {
	/** Rows per batch. */
	size?: number;
	/** Defaults to a cursor on PostgreSQL and keyset pages on the embedded database. */
	strategy?: Strategy;
	/** Absolute URL of the site, for photo links. */
	origin: string;
}

/** The dataset's rows matching the filter, in order, a batch at a time; lazily. */
export async function* batches<Name extends DatasetName>(
	dataset: Dataset<Name>,
	filter: ExportFilters[Name],
	options: BatchOptions
): AsyncGenerator<ExportRow[]> {
	const { kind } = await db();
	const strategy = options.strategy ?? (kind === 'postgres' ? 'cursor' : 'keyset');
	const size = options.size ?? BATCH_SIZE;

	if (strategy === 'cursor') yield* cursorBatches(dataset, filter, size, options.origin);
	else yield* keysetBatches(dataset, filter, size, options.origin);
}

async function* keysetBatches<Name extends DatasetName>(
	dataset: Dataset<Name>,
	filter: ExportFilters[Name],
	size: number,
	origin: string
): AsyncGenerator<ExportRow[]> {
	let after: ExportRow | null = null;
	for (;;) {
		const last = after;
		const rows: ExportRow[] = await asUser(null, (tx) =>
			dataset.rows(tx, filter, last, size, origin)
		);
		if (rows.length > 0) yield rows;
		if (rows.length < size) return;
		after = rows[rows.length - 1];
	}
}

async function* cursorBatches<Name extends DatasetName>(
	dataset: Dataset<Name>,
	filter: ExportFilters[Name],
	size: number,
	origin: string
): AsyncGenerator<ExportRow[]> {
	const { sql } = await db();
	const reserved = await sql.reserve();
	try {
		// The same role and claims as asUser (a visitor), in one consistent read-only snapshot.
		await reserved.unsafe('begin isolation level repeatable read read only');
		await reserved`select set_config('role', 'anon', true),
			set_config('request.jwt.claims', ${JSON.stringify({ role: 'anon' })}, true)`;
		// A reserved connection inside begin … rollback is a transaction in all but its type.
		const query = dataset.rows(reserved as unknown as Tx, filter, null, null, origin);
		for await (const rows of query.cursor(size)) yield rows;
	} finally {
		// Read-only: nothing to commit. Also ends a transaction an aborted download left open.
		await reserved.unsafe('rollback').catch(() => undefined);
		reserved.release();
	}
}
