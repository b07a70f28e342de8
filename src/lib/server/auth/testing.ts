// For the specs of this folder only. Each spec file gets its own embedded database, copied from
// a migrated template built once per set of migrations, because creating PostGIS in a fresh
// PGlite takes far longer than copying the result.
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { startEmbeddedDatabase } from '$lib/server/db/embedded';
import { migrate } from '$lib/server/db/migrate';
import type { AuthEvent } from './index';

function schemaFingerprint(): string {
	const hash = createHash('sha256');
	for (const folder of ['supabase/shim', 'supabase/migrations']) {
		const dir = resolve(process.env.MACHI_ROOT ?? process.cwd(), folder);
		for (const file of readdirSync(dir).sort()) {
			hash.update(file).update(readFileSync(join(dir, file)));
		}
	}
	return hash.digest('hex').slice(0, 16);
}

async function buildTemplate(dir: string): Promise<void> {
	const building = `${dir}.${process.pid}`;
	rmSync(building, { recursive: true, force: true });
	const embedded = await startEmbeddedDatabase(building);
	const sql = postgres({
		path: embedded.socketPath,
		user: 'postgres',
		database: 'postgres',
		max: 1,
		onnotice: () => {}
	});
	await migrate(sql);
	await sql.end();
	const exited = new Promise((done) => embedded.child.once('exit', done));
	embedded.child.kill('SIGTERM');
	await exited;

	// Another spec file may have finished the same template first; either copy is good.
	if (existsSync(dir)) rmSync(building, { recursive: true, force: true });
	else renameSync(building, dir);
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Deletes the copies of spec runs that have ended. A copy cannot go when its own file ends: the
 * embedded database writes its files back when it closes, which is when the worker exits.
 */
function sweepCopies(): void {
	for (const name of readdirSync(tmpdir())) {
		const pid = Number(/^machi-auth-test-(\d+)-/.exec(name)?.[1]);
		if (pid && !isRunning(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
	}
}

/**
 * Points this process's database at a fresh copy of the migrated template, without demo data
 * and with a cheap bcrypt cost. Call in beforeAll, before anything touches the database. With
 * DATABASE_URL set, the specs use that database instead.
 */
export async function useTestDatabase(): Promise<void> {
	process.env.DEMO_DATA = 'off';
	process.env.BCRYPT_COST ??= '4';
	if (process.env.DATABASE_URL) return;

	sweepCopies();
	const template = join(tmpdir(), `machi-auth-template-${schemaFingerprint()}`);
	if (!existsSync(template)) await buildTemplate(template);
	const copy = mkdtempSync(join(tmpdir(), `machi-auth-test-${process.pid}-`));
	cpSync(template, copy, { recursive: true });
	process.env.PGLITE_DIR = copy;
}

/** A stand-in for the RequestEvent of a form post, with a cookie jar that can be inspected. */
export function fakeEvent(url = 'http://localhost:3000/signin', address = '203.0.113.7') {
	const jar = new Map<string, { value: string; options: object }>();
	const event: AuthEvent = {
		url: new URL(url),
		request: new Request(url, { method: 'POST' }),
		getClientAddress: () => address,
		locals: { user: null, sessionId: null },
		cookies: {
			get: (name) => jar.get(name)?.value,
			set: (name, value, options) => void jar.set(name, { value, options }),
			delete: (name) => void jar.delete(name)
		}
	};
	return { ...event, jar };
}

let counter = 0;

/** An email and nickname no other test of this run uses. */
export function uniquePerson(prefix = 'p') {
	counter += 1;
	const tag = `${prefix}${Date.now().toString(36)}${counter}`;
	return { email: `${tag}@example.jp`, nickname: tag.slice(0, 30) };
}
