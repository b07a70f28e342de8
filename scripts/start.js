// `npm start`: builds the app when the build is missing or older than the sources, then serves
// it with adapter-node at http://localhost:3000 on the embedded database unless DATABASE_URL
// says otherwise.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
		latest = Math.max(latest, time);
	}
	return latest;
}

const built = 'build/handler.js';
const sources = Math.max(newest('src'), newest('messages'), statSync('package.json').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
	console.log('Building the app (first start, or the sources changed)…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const env = {
	...process.env,
	PORT: port,
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
	// Phone photos are several megabytes; the photo pipeline itself refuses more than 15 MB.
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '20M'
};
console.log(`Machi Quest: http://localhost:${port}`);
const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
