// Backups of the embedded database with PGlite's own tool: dumpDataDir writes the whole data
// directory as a gzipped tar (PGlite is PostgreSQL 18 inside, which Debian's pg_dump 15 cannot
// read), and PGlite.create({ loadDataDir }) brings it back. A running server holds the
// directory, so a backup asks it (scripts/pglite-server.js) to write the dump between two
// queries; a stopped one is opened here. Plain JavaScript: the server script imports it.
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Written by a running server into its data directory: its process id. */
export const PID_FILE = 'machi-server.pid';
/** Written by `npm run backup` for a running server: where to put the dump. */
export const REQUEST_FILE = 'machi-backup-request.json';

/**
 * The process id of the server that holds `dataDir`, or null when none does.
 * @param {string} dataDir
 * @returns {number | null}
 */
export function runningServer(dataDir) {
	const file = join(dataDir, PID_FILE);
	if (!existsSync(file)) return null;
	const pid = Number(readFileSync(file, 'utf8'));
	try {
		process.kill(pid, 0);
		return pid;
	} catch {
		return null;
	}
}

/**
 * Writes `db`'s data directory to `target`, whole or not at all (a temporary name, then a rename).
 * @param {PGlite} db
 * @param {string} target
 */
export async function writeDump(db, target) {
	const dump = await db.dumpDataDir('gzip');
	mkdirSync(dirname(resolve(target)), { recursive: true });
	const partial = `${target}.partial`;
	writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
	renameSync(partial, target);
}

/**
 * @template T
 * @param {() => T | null} check
 * @param {number} timeoutMs
 * @returns {Promise<T | null>}
 */
async function waitFor(check, timeoutMs) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const outcome = check();
		if (outcome) return outcome;
		await new Promise((done) => setTimeout(done, 200));
	}
	return null;
}

/**
 * Dumps the embedded database in `dataDir` to `target`: through the running server when there
 * is one (SIGUSR2 with a request file), otherwise by opening the directory.
 * @param {string} dataDir
 * @param {string} target
 * @param {{ timeoutMs?: number }} [options]
 */
export async function backup(dataDir, target, { timeoutMs = 10 * 60_000 } = {}) {
	if (!existsSync(dataDir)) throw new Error(`no embedded database in ${dataDir}`);
	target = resolve(target);
	const pid = runningServer(dataDir);
	if (pid === null) {
		const db = await PGlite.create(dataDir, { extensions: { postgis } });
		try {
			await writeDump(db, target);
		} finally {
			await db.close();
		}
		return { target, live: false };
	}

	const request = join(dataDir, REQUEST_FILE);
	writeFileSync(request, JSON.stringify({ target }));
	process.kill(pid, 'SIGUSR2');
	const answer = await waitFor(() => {
		if (existsSync(request)) return null;
		if (existsSync(`${target}.failed`)) return 'failed';
		return existsSync(target) ? 'done' : null;
	}, timeoutMs);
	if (answer !== 'done') {
		const reason = answer === 'failed' ? readFileSync(`${target}.failed`, 'utf8') : 'no answer';
		throw new Error(`the running server did not write the backup: ${reason}`);
	}
	return { target, live: true };
}

/**
 * Called by the server on SIGUSR2: writes the dump its request file asks for.
 * @param {PGlite} db
 * @param {string} dataDir
 */
export async function answerBackupRequest(db, dataDir) {
	const request = join(dataDir, REQUEST_FILE);
	if (!existsSync(request)) return;
	/** @type {string | null} */
	let target = null;
	try {
		const asked = JSON.parse(readFileSync(request, 'utf8')).target;
		target = typeof asked === 'string' ? asked : null;
		if (target) await writeDump(db, target);
	} catch (error) {
		if (target)
			writeFileSync(`${target}.failed`, error instanceof Error ? error.message : String(error));
	} finally {
		renameSync(request, `${request}.done`);
	}
}

/**
 * Brings a dump back into `dataDir`. The server must be stopped. A directory that already
 * holds a database is kept beside the new one (renamed `<dir>.before-restore-<time>`), never
 * deleted.
 * @param {string} dump
 * @param {string} dataDir
 */
export async function restore(dump, dataDir) {
	if (runningServer(dataDir) !== null) {
		throw new Error(`the server is running on ${dataDir}; stop it before restoring`);
	}
	const file = new Blob([readFileSync(dump)]);
	/** @type {string | null} */
	let keptAs = null;
	if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
		keptAs = `${dataDir.replace(/\/+$/, '')}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		renameSync(dataDir, keptAs);
	}
	mkdirSync(dataDir, { recursive: true });
	const db = await PGlite.create(dataDir, { loadDataDir: file, extensions: { postgis } });
	await db.query('select 1');
	await db.close();
	return { dataDir, keptAs };
}
