// Builds a migrated embedded (PGlite + PostGIS) database in the folder given as the first
// argument, without demo data, and shuts it down cleanly. Opening PGlite with PostGIS for the
// first time takes tens of seconds, so the tests build this template once per run and copy
// it (`cp -a`) for each consumer: Vitest, pgTAP on PGlite and the end-to-end server.
//
//   npx tsx scripts/make-template-db.ts /tmp/template
//
// It does what db() in src/lib/server/db does with DEMO_DATA=off, but keeps hold of the
// database process so that it can wait for PGlite to finish writing before it exits.
import postgres from 'postgres';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmbeddedDatabase } from '../src/lib/server/db/embedded';
import { migrate } from '../src/lib/server/db/migrate';

const dir = process.argv[2];
if (!dir) {
	console.error('make-template-db: give the folder to build the template in');
	process.exit(2);
}
if (existsSync(dir) && readdirSync(dir).length > 0) {
	console.error(`make-template-db: ${dir} is not empty`);
	process.exit(2);
}

const started = performance.now();
const embedded = await startEmbeddedDatabase(resolve(dir));
const exited = new Promise<number | null>((done) => embedded.child.once('exit', done));
const sql = postgres({
	path: embedded.socketPath,
	user: 'postgres',
	database: 'postgres',
	max: 1,
	onnotice: () => {}
});
try {
	const { total } = await migrate(sql);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`make-template-db: ${total} migrations in ${resolve(dir)} (${seconds} s)`);
} finally {
	await sql.end();
	embedded.child.kill('SIGTERM');
}
const code = await exited;
if (code !== 0) {
	console.error(`make-template-db: the database process exited with code ${code}`);
	process.exit(1);
}
