// Backups of the embedded database with PGlite's own tool: dumpDataDir writes the whole data
// directory as a gzipped tar (PGlite is PostgreSQL 18 inside, which Debian's pg_dump 15 cannot
// read), and PGlite.create({ loadDataDir }) brings it back. A running server holds the
// directory, so a backup asks it (scripts/pglite-server.js) to write the dump between two
// queries; a stopped one is opened here. Plain JavaScript: the server script imports it.
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { randomUUID } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Written by a running server into its data directory: its process id. */
export const PID_FILE = 'machi-server.pid';
/** Written by `npm run backup` for a running server: where to put the dump. */
export const REQUEST_FILE = 'machi-backup-request.json';
/** The running server's answer to one request: `<prefix><id>.json`. */
const ANSWER_PREFIX = 'machi-backup-answer-';

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
 * Writes `db`'s data directory to `target`, whole or not at all (a temporary name, then a
 * rename); a failed attempt leaves nothing behind. The folder must exist: `backup` checks it
 * before asking a running server, which must never wait on or fail over a path.
 * @param {PGlite} db
 * @param {string} target
 */
export async function writeDump(db, target) {
	const dump = await db.dumpDataDir('gzip');
	const partial = `${target}.partial`;
	try {
		writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
		renameSync(partial, target);
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	}
}

/**
 * Refuses a target the backup could not be written to, before anything is asked of the
 * database: its folder must exist (only the default `backups` folder is made) and take a file.
 * @param {string} target
 */
function checkTarget(target) {
	const folder = dirname(target);
	if (!existsSync(folder) && basename(folder) === 'backups') mkdirSync(folder);
	if (!existsSync(folder) || !statSync(folder).isDirectory()) {
		throw new Error(`${folder} is not a folder; make it first`);
	}
	if (existsSync(target) && statSync(target).isDirectory()) {
		throw new Error(`${target} is a folder; name a file`);
	}
	const probe = `${target}.partial`;
	try {
		writeFileSync(probe, '');
	} catch (error) {
		throw new Error(`cannot write in ${folder}: ${error instanceof Error ? error.message : error}`);
	} finally {
		rmSync(probe, { force: true });
	}
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
 * is one (SIGUSR2 with a request file; the server answers in a file of its own data directory),
 * otherwise by opening the directory.
 * @param {string} dataDir
 * @param {string} target
 * @param {{ timeoutMs?: number }} [options]
 */
export async function backup(dataDir, target, { timeoutMs = 10 * 60_000 } = {}) {
	if (!existsSync(dataDir)) throw new Error(`no embedded database in ${dataDir}`);
	target = resolve(target);
	checkTarget(target);
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

	const id = randomUUID();
	const answerFile = join(dataDir, `${ANSWER_PREFIX}${id}.json`);
	writeFileSync(join(dataDir, REQUEST_FILE), JSON.stringify({ id, target }));
	process.kill(pid, 'SIGUSR2');
	const answer = await waitFor(
		() => (existsSync(answerFile) ? readFileSync(answerFile, 'utf8') : null),
		timeoutMs
	);
	rmSync(answerFile, { force: true });
	if (answer === null) throw new Error('the running server did not answer within the time allowed');
	const { ok, reason } = JSON.parse(answer);
	if (!ok) throw new Error(`the running server could not write the backup: ${reason}`);
	return { target, live: true };
}

/**
 * Called by the server on SIGUSR2: writes the dump its request file asks for and answers in
 * its own data directory. Nothing here may throw: it runs inside the database's process.
 * @param {PGlite} db
 * @param {string} dataDir
 */
export async function answerBackupRequest(db, dataDir) {
	const request = join(dataDir, REQUEST_FILE);
	/** @type {{ id?: unknown, target?: unknown }} */
	let asked = {};
	try {
		asked = JSON.parse(readFileSync(request, 'utf8'));
		rmSync(request, { force: true });
	} catch {
		return;
	}
	if (typeof asked.id !== 'string' || !/^[0-9a-f-]{36}$/.test(asked.id)) return;
	let answer = { ok: true, reason: '' };
	try {
		if (typeof asked.target !== 'string') throw new Error('no target named');
		await writeDump(db, asked.target);
	} catch (error) {
		answer = { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
	try {
		writeFileSync(join(dataDir, `${ANSWER_PREFIX}${asked.id}.json`), JSON.stringify(answer));
	} catch {
		// The data directory itself is unwritable: the database has bigger trouble than this.
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
