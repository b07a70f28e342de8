// Probe scripts run in their own process (a fresh module graph and a database of their own) and
// hand their measurements back as one marked line of JSON on stdout, among whatever else the
// code under test prints there.
const MARKER = 'bench-report ';

/** Called in a probe: sends its measurements to the runner. */
export function report(value: unknown): void {
	process.stdout.write(`${MARKER}${JSON.stringify(value)}\n`);
}

/** Called in the runner: the measurements in a probe's output. */
export function readReport<T>(stdout: string): T {
	const line = stdout
		.split('\n')
		.reverse()
		.find((candidate) => candidate.startsWith(MARKER));
	if (!line) throw new Error('the probe ended without reporting');
	return JSON.parse(line.slice(MARKER.length)) as T;
}
