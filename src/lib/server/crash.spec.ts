// Nothing answered is lost: residents file reports through the built server (`node build`, the
// real form action over HTTP) while it is killed with SIGKILL, database process and all; after a
// restart every report that got its "filed" answer is there, intact, and sending it again with
// the same idempotency key finds it instead of filing it twice. Runs on the embedded database and,
// in the PostgreSQL pass of `npm test`, on PostgreSQL 15.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlaces } from './db/seed';
import { ensurePlaces, onEmbedded, useTestDatabase } from './testing';

const root = process.env.MACHI_ROOT ?? process.cwd();
const BUILD = resolve(root, 'build/index.js');

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});
}

/** The places a report needs, in a database no other process holds yet. */
async function prepareDatabase(): Promise<Record<string, string>> {
	if (process.env.DATABASE_URL) {
		await ensurePlaces();
		return { DATABASE_URL: process.env.DATABASE_URL };
	}
	const dir = process.env.PGLITE_DIR!;
	await onEmbedded(dir, (sql) => sql.begin((tx) => seedPlaces(tx)));
	return { PGLITE_DIR: dir };
}

class Server {
	private child: ChildProcess | null = null;
	constructor(
		readonly port: number,
		private readonly env: Record<string, string>
	) {}

	get origin() {
		return `http://localhost:${this.port}`;
	}

	async start() {
		this.child = spawn(process.execPath, [BUILD], {
			cwd: root,
			// Its own process group: a kill reaches the embedded database's process too.
			detached: true,
			stdio: 'ignore',
			env: {
				...process.env,
				...this.env,
				PORT: String(this.port),
				ORIGIN: this.origin,
				DEMO_DATA: 'off',
				BODY_SIZE_LIMIT: '20M'
			}
		});
		const until = Date.now() + 180_000;
		while (Date.now() < until) {
			if (this.child.exitCode !== null) throw new Error('the server exited while starting');
			const healthy = await fetch(`${this.origin}/api/health`)
				.then((response) => response.ok)
				.catch(() => false);
			if (healthy) return;
			await new Promise((done) => setTimeout(done, 500));
		}
		throw new Error('the server did not answer /api/health within 3 minutes');
	}

	/** SIGKILL to the whole group: no shutdown handler runs, no buffer is flushed. */
	async crash() {
		const child = this.child!;
		const exited = new Promise((done) => child.once('exit', done));
		process.kill(-child.pid!, 'SIGKILL');
		await exited;
		// The embedded database's process belongs to the group and dies with it.
		await new Promise((done) => setTimeout(done, 500));
	}

	async stop() {
		if (!this.child || this.child.exitCode !== null) return;
		const exited = new Promise((done) => this.child!.once('exit', done));
		process.kill(-this.child.pid!, 'SIGTERM');
		await exited;
	}
}

/** A resident's browser without JavaScript: a cookie and plain form posts. */
class Resident {
	private cookie = '';
	constructor(private readonly server: Server) {}

	async post(path: string, fields: Record<string, string>) {
		return fetch(`${this.server.origin}${path}`, {
			method: 'POST',
			redirect: 'manual',
			// A browser's form post: without text/html SvelteKit answers with JSON for scripts.
			headers: { origin: this.server.origin, cookie: this.cookie, accept: 'text/html' },
			body: new URLSearchParams(fields)
		});
	}

	async register() {
		const tag = randomUUID().slice(0, 8);
		const response = await this.post('/register', {
			email: `crash-${tag}@example.jp`,
			password: `crash-test-${tag}`,
			nickname: `crash${tag}`,
			homeWardCode: '12101',
			terms: 'true'
		});
		expect(response.status).toBe(303);
		this.cookie = response.headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.join('; ');
		expect(this.cookie).not.toBe('');
	}

	/** Files one report; its number when the server answered "filed" (a redirect to it). */
	async report(key: string, description: string, n: number): Promise<number | null> {
		const response = await this.post('/reports/new?/submit', {
			category: 'road-damage',
			description,
			lat: String(35.6 + (n % 50) * 0.0005),
			lon: String(140.1 + Math.floor(n / 50) * 0.0005),
			ward: '',
			address: '',
			channel: 'app',
			callerName: '',
			callerPhone: '',
			callerEmail: '',
			confirm: 'true',
			idempotencyKey: key
		});
		const match = /\/reports\/(\d+)/.exec(response.headers.get('location') ?? '');
		return response.status === 303 && match ? Number(match[1]) : null;
	}
}

let server: Server;

beforeAll(async () => {
	if (!existsSync(BUILD)) {
		throw new Error(`${BUILD} is missing: run \`npx vite build\` first (npm test does)`);
	}
	await useTestDatabase();
	server = new Server(await freePort(), await prepareDatabase());
	await server.start();
}, 240_000);

afterAll(async () => {
	await server?.stop();
}, 60_000);

describe('a server killed mid-stream', () => {
	it('keeps every report it answered, and files none twice after the restart', async () => {
		const resident = new Resident(server);
		await resident.register();

		const answered: { key: string; description: string; number: number }[] = [];
		let sent = 0;
		let crashed = false;
		// Four residents' worth of requests at once until the kill, which comes after 12 answers.
		const stream = async () => {
			while (!crashed) {
				const n = sent++;
				const key = randomUUID();
				const description = `crash test report ${n} ${key}`;
				const number = await resident.report(key, description, n).catch(() => null);
				if (number !== null) answered.push({ key, description, number });
			}
		};
		const streams = Array.from({ length: 4 }, stream);
		const until = Date.now() + 120_000;
		while (answered.length < 12 && Date.now() < until) {
			await new Promise((done) => setTimeout(done, 50));
		}
		await server.crash();
		crashed = true;
		await Promise.all(streams);
		expect(answered.length).toBeGreaterThanOrEqual(12);

		await server.start();
		for (const { number, description } of answered) {
			const page = await fetch(`${server.origin}/reports/${number}`);
			expect(page.status, `report ${number}`).toBe(200);
			expect(await page.text()).toContain(description);
		}
		// The same key again (a retry after the dropped connection): the same report, not a new one.
		const again = answered[0];
		expect(await resident.report(again.key, again.description, 0)).toBe(again.number);
		const numbers = answered.map(({ number }) => number);
		expect(new Set(numbers).size).toBe(numbers.length);
	}, 400_000);
});
