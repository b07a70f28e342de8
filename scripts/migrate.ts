// Applies the migrations (and, outside Supabase, the auth shim) to the database at
// DATABASE_URL, exactly as the app does on start. Used by the tests to prepare a fresh
// PostgreSQL database for pgTAP: `DATABASE_URL=postgres://... npx tsx scripts/migrate.ts`.
import postgres from 'postgres';
import { migrate } from '../src/lib/server/db/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
	console.error('migrate: set DATABASE_URL to the database to migrate');
	process.exit(2);
}

const sql = postgres(url, { max: 1, onnotice: () => {} });
try {
	const { applied, total } = await migrate(sql);
	console.log(`migrate: applied ${applied.length} of ${total} migrations`);
} finally {
	await sql.end();
}
