import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface EmbeddedDatabase {
	socketPath: string;
	child: ChildProcess;
}

/**
 * Starts the embedded PGlite database in a child process and resolves with the path of the
 * Unix socket it serves. The child ends when this process does (IPC disconnect).
 */
export function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
	const script = resolve(process.env.MACHI_ROOT ?? process.cwd(), 'scripts/pglite-server.js');
	const child = fork(script, [resolve(dataDir)], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});

	return new Promise((done, fail) => {
		child.once('message', (message) => {
			const { socketPath } = message as { socketPath: string };
			done({ socketPath, child });
		});
		child.once('exit', (code) => fail(new Error(`embedded database exited with code ${code}`)));
		child.once('error', fail);
	});
}
