// For the specs only. Each spec file gets its own embedded database, copied from
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
import { asSystem, type Actor } from '$lib/server/db';
import { seedPlaces } from '$lib/server/db/seed';
import type { AuthEvent } from '$lib/server/auth';

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

/**
 * Opens the embedded database in `dir` in a process of its own, runs `work` on one connection,
 * and closes it again, so that another process (a template copy, a built server) can open it.
 */
export async function onEmbedded(dir: string, work: (sql: postgres.Sql) => Promise<unknown>) {
	const embedded = await startEmbeddedDatabase(dir);
	const sql = postgres({
		path: embedded.socketPath,
		user: 'postgres',
		database: 'postgres',
		max: 1,
		prepare: false,
		onnotice: () => {}
	});
	try {
		await work(sql);
	} finally {
		await sql.end();
		const exited = new Promise((done) => embedded.child.once('exit', done));
		embedded.child.kill('SIGTERM');
		await exited;
	}
}

async function buildTemplate(dir: string): Promise<void> {
	const building = `${dir}.${process.pid}`;
	rmSync(building, { recursive: true, force: true });
	await onEmbedded(building, (sql) => migrate(sql));

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

/**
 * A registered person with the given application roles (always citizen too), created directly
 * in the database: for specs that need someone to act as, not for testing registration.
 */
export async function createPerson(roles: string[] = [], ward = '12101'): Promise<Actor> {
	const { email, nickname } = uniquePerson('u');
	const all = [...new Set(['citizen', ...roles])];
	const id = await asSystem('spec-person', async (tx) => {
		const [{ id }] = await tx<
			{ id: string }[]
		>`insert into auth.users (id, email, email_confirmed_at)
			values (gen_random_uuid(), ${email}, now()) returning id`;
		await tx`insert into public.profiles (id, nickname, home_ward_code, terms_version)
			values (${id}, ${nickname}, ${ward}, 'spec')`;
		for (const role of all) {
			await tx`insert into public.user_roles (user_id, role) values (${id}, ${role}::text::public.app_role)`;
		}
		return id;
	});
	return { id, roles: all };
}

/**
 * Chiba City's wards, offices and categories, loaded once per database (the specs of one run
 * share the PostgreSQL 15 database, so the check and the load happen under a lock).
 */
export async function ensurePlaces(): Promise<void> {
	await asSystem('spec-places', async (tx) => {
		await tx`select pg_advisory_xact_lock(4242)`;
		const [{ seeded }] = await tx<{ seeded: boolean }[]>`
			select exists (select 1 from public.areas where kind = 'ward') as seeded`;
		if (!seeded) await seedPlaces(tx);
	});
}

/**
 * A small generated JPEG: an 8×8 grid of colours drawn from the seed, so that different seeds
 * give different pictures (flat colours would all be near copies to the perceptual hash).
 */
export async function makeJpeg(seed = 0, size = 64): Promise<Uint8Array> {
	const sharp = (await import('sharp')).default;
	let state = seed >>> 0 || 1;
	const grid = Buffer.alloc(8 * 8 * 3);
	for (let i = 0; i < grid.length; i++) {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		grid[i] = state >>> 24;
	}
	return sharp(grid, { raw: { width: 8, height: 8, channels: 3 } })
		.resize(size, size, { kernel: 'nearest' })
		.jpeg()
		.toBuffer();
}

/** Uploads a generated photo as the person's pending photo; returns its id. */
export async function pendingPhoto(actor: Actor, seed = Math.floor(Math.random() * 1e6)) {
	process.env.PHOTO_DIR ??= mkdtempSync(join(tmpdir(), 'machi-spec-photos-'));
	const { upload } = await import('$lib/server/photos');
	return (await upload(actor, await makeJpeg(seed))).id;
}

/** A point inside 中央区 (Chiba City Hall). */
export const CHUO = { lon: 140.1233, lat: 35.6074 } as const;

/** A published photo hunt over every ward, open from an hour ago for a week. */
export async function createOpenCampaign(
	organiser: Actor,
	overrides: Partial<import('$lib/server/campaigns').NewCampaign> = {}
): Promise<string> {
	await ensurePlaces();
	const { create } = await import('$lib/server/campaigns');
	const hour = 60 * 60 * 1000;
	return create(organiser, {
		title: `Spec campaign ${uniquePerson('c').nickname}`,
		description: '',
		startsAt: new Date(Date.now() - hour),
		endsAt: new Date(Date.now() + 7 * 24 * hour),
		reviewDays: 3,
		kind: 'photo_hunt',
		pointsPerEntry: 10,
		firstCheckBonus: 0,
		faultBonus: 0,
		likePoints: 0,
		likePointsCap: 0,
		allowTeams: false,
		assetLayerId: null,
		checkRadiusM: 50,
		moderation: 'auto',
		wardCodes: ['12101', '12102', '12103', '12104', '12105', '12106'],
		zoneId: null,
		categoryCodes: [],
		publish: true,
		...overrides
	});
}
