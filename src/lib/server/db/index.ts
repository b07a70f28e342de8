import postgres, { type Sql, type TransactionSql } from 'postgres';
import { startEmbeddedDatabase } from './embedded';
import { migrate } from './migrate';
import { seedDemo } from './seed';

export type Tx = TransactionSql;

/** The person a query runs for: null for a visitor (the anon role). */
export interface Actor {
	id: string;
	roles: string[];
}

interface Database {
	sql: Sql;
	kind: 'pglite' | 'postgres';
	migrations: number;
}

let database: Promise<Database> | null = null;

async function open(): Promise<Database> {
	const url = process.env.DATABASE_URL;
	if (url) {
		const sql = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice });
		process.once('sveltekit:shutdown', () => void sql.end({ timeout: 5 }));
		const { total } = await migrate(sql);
		return { sql, kind: 'postgres', migrations: total };
	}

	const embedded = await startEmbeddedDatabase(process.env.PGLITE_DIR ?? 'data/pglite');
	const sql = postgres({
		path: embedded.socketPath,
		user: 'postgres',
		database: 'postgres',
		max: 4,
		// The first start creates PostGIS and loads the demo data, which can take a minute on a
		// busy machine; connections queue behind it.
		connect_timeout: 180,
		// The connections share PGlite's single backend, so a statement prepared under a name on
		// one would collide with the same name on another: use unnamed statements only.
		prepare: false,
		onnotice
	});
	// adapter-node emits this after SIGTERM/SIGINT once requests are done: close the pool and
	// the embedded database so the process can exit.
	process.once('sveltekit:shutdown', () => {
		void sql.end({ timeout: 5 }).finally(() => embedded.child.kill('SIGTERM'));
	});
	const { total } = await migrate(sql);
	if (process.env.DEMO_DATA !== 'off') await seedDemo(sql);
	return { sql, kind: 'pglite', migrations: total };
}

function onnotice() {
	// Notices (for example "relation already exists, skipping") are not worth a log line.
}

/** Opens the database once per process: migrations on start, demo data on the embedded one. */
export function db(): Promise<Database> {
	database ??= open().catch((error: unknown) => {
		// A failed start (a timeout on a loaded machine) must not poison every later request.
		database = null;
		throw error;
	});
	return database;
}

/**
 * Runs `work` in one transaction as the given person, exactly as Supabase's API does:
 * `set local role` to anon or authenticated plus `request.jwt.claims`, so that row-level
 * security decides what the queries may see and change.
 */
export async function asUser<T>(actor: Actor | null, work: (tx: Tx) => Promise<T>): Promise<T> {
	const { sql } = await db();
	const role = actor ? 'authenticated' : 'anon';
	const claims = JSON.stringify(actor ? { sub: actor.id, role } : { role });

	return (await sql.begin(async (tx) => {
		await tx`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${claims}, true)`;
		return work(tx);
	})) as T;
}

/**
 * Runs `work` as the connecting role, bypassing row-level security. Only for the named system
 * jobs that act before anyone is known: opening and reading sessions, counting sign-in
 * attempts, expiring pending photos, seeding.
 */
export async function asSystem<T>(job: string, work: (tx: Tx) => Promise<T>): Promise<T> {
	const { sql } = await db();
	const started = performance.now();
	const result = (await sql.begin(work)) as T;
	if (process.env.LOG_JOBS === 'on') {
		console.log(JSON.stringify({ job, ms: Math.round(performance.now() - started) }));
	}
	return result;
}
