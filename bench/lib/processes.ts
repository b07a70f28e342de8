import { spawn } from 'node:child_process';
import { readReport } from './report';

export interface ScriptOptions {
	cwd: string;
	/** Added to the runner's environment; `undefined` removes a variable. */
	env: Record<string, string | undefined>;
	timeoutMs: number;
}

/**
 * Runs a TypeScript script in a new node process (through tsx) and returns what it printed on
 * stdout. Resolves only when every process holding its output has ended, which includes an
 * embedded database it started: a database folder is closed before anyone opens it again.
 */
export async function runScript(script: string, options: ScriptOptions): Promise<string> {
	const child = spawn(process.execPath, ['--import', 'tsx', script], {
		cwd: options.cwd,
		env: childEnv(options.env),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', resolve);
	}).finally(() => clearTimeout(timer));

	if (code !== 0) {
		throw new Error(`${script} exited with ${code ?? 'a signal'}:\n${tail(stderr || stdout)}`);
	}
	return stdout;
}

/** Runs a probe script (see ./report) and returns what it reported. */
export async function runProbe<T>(script: string, options: ScriptOptions): Promise<T> {
	return readReport<T>(await runScript(script, options));
}

export function childEnv(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
	const env = { ...process.env, ...changes };
	for (const [name, value] of Object.entries(changes)) if (value === undefined) delete env[name];
	return env;
}

/** The last lines of a process's output: enough to see why it failed. */
export function tail(output: string, lines = 20): string {
	return output.trimEnd().split('\n').slice(-lines).join('\n');
}
