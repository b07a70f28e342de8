import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReservedSql, Sql } from 'postgres';

// Any 64-bit number works; all instances of the app must agree on it.
const MIGRATION_LOCK = 727_274_001;

export interface MigrationResult {
	applied: string[];
	total: number;
}

function sqlFiles(dir: string): { version: string; name: string; path: string }[] {
	return readdirSync(dir)
		.filter((file) => /^\d{14}_.+\.sql$/.test(file))
		.sort()
		.map((file) => ({
			version: file.slice(0, 14),
			name: file.slice(15, -4),
			path: join(dir, file)
		}));
}

function root(): string {
	return resolve(process.env.MACHI_ROOT ?? process.cwd());
}

/**
 * Applies every migration in supabase/migrations not yet recorded, each in its own transaction,
 * under an advisory lock so that instances starting together do not race. Applied versions are
 * recorded in supabase_migrations.schema_migrations, the table the Supabase CLI reads, so that
 * `supabase db push` and the app agree. The auth shim is applied first where the database has
 * no auth.users (that is, anywhere but Supabase).
 */
export async function migrate(sql: Sql): Promise<MigrationResult> {
	const reserved = await sql.reserve();
	try {
		await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
		return await applyPending(reserved);
	} finally {
		await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`;
		reserved.release();
	}
}

async function applyPending(sql: ReservedSql): Promise<MigrationResult> {
	const [{ has_auth }] = await sql`select to_regclass('auth.users') is not null as has_auth`;
	if (!has_auth) {
		for (const file of sqlFiles(join(root(), 'supabase/shim'))) {
			await inTransaction(sql, () => sql.unsafe(readFileSync(file.path, 'utf8')));
		}
	}

	await sql`create schema if not exists supabase_migrations`;
	await sql`create table if not exists supabase_migrations.schema_migrations (
		version text primary key, statements text[], name text)`;
	const done = new Set(
		(await sql`select version from supabase_migrations.schema_migrations`).map((r) => r.version)
	);

	const files = sqlFiles(join(root(), 'supabase/migrations'));
	const applied: string[] = [];
	for (const file of files.filter((f) => !done.has(f.version))) {
		const text = readFileSync(file.path, 'utf8');
		await inTransaction(sql, async () => {
			await sql.unsafe(text);
			await sql`insert into supabase_migrations.schema_migrations (version, statements, name)
				values (${file.version}, ${[text]}, ${file.name})`;
		});
		applied.push(file.version);
	}
	return { applied, total: files.length };
}

// The advisory lock is held by one reserved connection, so each migration's transaction has
// to run on that same connection.
async function inTransaction(sql: ReservedSql, work: () => Promise<unknown>): Promise<void> {
	await sql`begin`;
	try {
		await work();
		await sql`commit`;
	} catch (error) {
		await sql`rollback`;
		throw error;
	}
}
