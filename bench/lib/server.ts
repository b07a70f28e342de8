import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { childEnv, tail } from './processes';

const SOURCES = ['src', 'messages', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;

	let latest = 0;
	for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
	return latest;
}

function isBuilt(root: string): boolean {
	const built = join(root, 'build/handler.js');
	const sources = Math.max(...SOURCES.map((source) => newest(join(root, source))));
	return existsSync(built) && statSync(built).mtimeMs >= sources;
}

/**
 * Builds the app with `vite build` unless build/ is newer than every source. When someone else's
 * build holds Vite's lock, waits for it and looks again: theirs may be all this run needs.
 */
export async function ensureBuild(root: string, log: (message: string) => void): Promise<void> {
	const deadline = Date.now() + 10 * 60_000;
	let waiting = false;
	while (!isBuilt(root)) {
		if (!waiting) log('building the app (vite build)');
		const build = spawn('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		const { code, output } = await finished(build);
		if (code === 0) return;
		if (!output.includes('Found another Vite build process') || Date.now() > deadline) {
			throw new Error(`vite build failed:\n${tail(output)}`);
		}

		if (!waiting) log('another vite build is running; waiting for it');
		waiting = true;
		await new Promise((resolve) => setTimeout(resolve, 5_000));
	}
}

/** A port nobody listens on right now, as the system hands one out. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

export interface RunningServer {
	origin: string;
	stop(): Promise<void>;
}

/**
 * Starts the built app on a free port with the given environment and resolves once /api/health
 * answers, that is once its database is open, migrated and seeded.
 *
 * It runs from a copy of build/ in `buildDir`: other people rebuild the shared tree at any time,
 * and the server loads its route modules lazily, from whatever build/ holds by then. `buildDir`
 * must be inside the repository, so that the copy's imports still find node_modules.
 */
export async function startServer(
	root: string,
	buildDir: string,
	env: Record<string, string | undefined>
): Promise<RunningServer> {
	cpSync(join(root, 'build'), buildDir, { recursive: true });
	if (!existsSync(join(buildDir, 'handler.js'))) throw new Error('build/ changed while copied');
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, [buildDir], {
		cwd: root,
		env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin }),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const done = finished(server);

	const stop = () => end(server, done);
	try {
		await waitForHealth(origin, done);
	} catch (error) {
		await stop();
		throw error;
	}
	return { origin, stop };
}

/**
 * SIGTERM, then SIGKILL after a grace period: adapter-node closes its listener on SIGTERM but
 * the process lives on while the database connection holds its event loop. Killed, it still
 * takes its embedded database down, which shuts itself down when the IPC channel closes.
 */
async function end(server: ChildProcess, done: Promise<Finished>): Promise<void> {
	server.kill('SIGTERM');
	const grace = setTimeout(() => server.kill('SIGKILL'), 5_000);
	await done.finally(() => clearTimeout(grace));
}

async function waitForHealth(origin: string, exited: Promise<Finished>): Promise<void> {
	const deadline = Date.now() + 5 * 60_000;
	const server: { ended?: Finished } = {};
	void exited.then(
		(result) => (server.ended = result),
		(error: unknown) => (server.ended = { code: null, output: String(error) })
	);

	while (Date.now() < deadline) {
		if (server.ended) {
			const { code, output } = server.ended;
			throw new Error(`the server exited with ${code ?? 'a signal'}:\n${tail(output)}`);
		}
		const healthy = await fetch(`${origin}/api/health`).then(
			(response) => response.ok,
			() => false
		);
		if (healthy) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error('the server did not answer /api/health within 5 minutes');
}

interface Finished {
	code: number | null;
	/** The end of what it printed, for the error message. */
	output: string;
}

/**
 * Resolves when the process and everything holding its output (the embedded database it forked)
 * have ended. Keeps only the last part of its output: a server logs a line per request.
 */
function finished(child: ChildProcess): Promise<Finished> {
	let output = '';
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);

	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (code) => resolve({ code, output }));
	});
}
