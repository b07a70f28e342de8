// Loads generated reports into a database (unless it already holds that many), then exports
// them as the app does (open-data.chunks, as the visitor role) without keeping the text: rows
// per second (and per second of this process's CPU time, which the machine's load does not
// change) and the peak of this process's memory while it runs, sampled every 20 ms. The
// baseline is the database's own COPY … TO STDOUT of the reports table, read the same way.
// Run by the export scenario with DATABASE_URL or PGLITE_DIR set, and BENCH_REPORTS.
import { loadReports } from '../viewport/load';
import { report } from '../../lib/report';

const count = Number(process.env.BENCH_REPORTS);

const { asSystem, db } = await import('../../../src/lib/server/db/index');
const { seedPlaces } = await import('../../../src/lib/server/db/seed');
const { chunks } = await import('../../../src/lib/server/open-data');
const { sql, kind } = await db();

await asSystem('bench-places', async (tx) => {
	const [{ seeded }] = await tx<{ seeded: boolean }[]>`
		select exists (select 1 from public.areas where kind = 'ward') as seeded`;
	if (!seeded) await seedPlaces(tx);
});
const [{ existing }] = await sql<{ existing: number }[]>`
	select count(*)::int as existing from public.reports`;
const loadStarted = performance.now();
if (existing < count) await loadReports(sql, count - existing);
const loadMs = performance.now() - loadStarted;
const [{ total }] = await sql<
	{ total: number }[]
>`select count(*)::int as total from public.reports`;

interface Run {
	name: string;
	rows: number;
	bytes: number;
	ms: number;
	rowsPerSecond: number;
	/** CPU time of this process (user + system): the app's own cost, whatever else runs. */
	cpuMs: number;
	rssBeforeMb: number;
	rssPeakMb: number;
	heapPeakMb: number;
}

/** Runs `work` while sampling memory; `work` returns the rows and bytes it read. */
async function measured(
	name: string,
	work: () => Promise<{ rows: number; bytes: number }>
): Promise<Run> {
	global.gc?.();
	const before = process.memoryUsage();
	let rssPeak = before.rss;
	let heapPeak = before.heapUsed;
	const sampler = setInterval(() => {
		const now = process.memoryUsage();
		rssPeak = Math.max(rssPeak, now.rss);
		heapPeak = Math.max(heapPeak, now.heapUsed);
	}, 20);
	const cpu = process.cpuUsage();
	const started = performance.now();
	const { rows, bytes } = await work();
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	clearInterval(sampler);
	const mb = (value: number) => value / 1024 / 1024;
	process.stderr.write(`# export: ${name}: ${rows} rows in ${(ms / 1000).toFixed(1)} s\n`);
	return {
		name,
		rows,
		bytes,
		ms,
		rowsPerSecond: rows / (ms / 1000),
		cpuMs: (used.user + used.system) / 1000,
		rssBeforeMb: mb(before.rss),
		rssPeakMb: mb(rssPeak),
		heapPeakMb: mb(heapPeak)
	};
}

async function exportAll(format: 'csv' | 'geojson', strategy: 'cursor' | 'keyset') {
	let bytes = 0;
	let lines = 0;
	for await (const chunk of chunks('reports', format, {}, { origin: 'https://bench', strategy })) {
		bytes += Buffer.byteLength(chunk);
		if (format === 'csv') lines += chunk.split('\r\n').length - 1;
		else lines += chunk.split('"type":"Feature"').length - 1;
	}
	// The CSV's header line is not a row.
	return { rows: format === 'csv' ? lines - 1 : lines, bytes };
}

async function copyAll() {
	let bytes = 0;
	let lines = 0;
	const stream = await sql`copy (select * from public.reports order by number)
		to stdout with (format csv)`.readable();
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		bytes += chunk.length;
		for (const byte of chunk) if (byte === 10) lines++;
	}
	return { rows: lines, bytes };
}

const other = kind === 'postgres' ? 'keyset' : 'cursor';
const preferred = kind === 'postgres' ? 'cursor' : 'keyset';
const runs: Run[] = [];
runs.push(await measured('copy', copyAll));
runs.push(await measured(`csv.${preferred}`, () => exportAll('csv', preferred)));
runs.push(await measured(`csv.${other}`, () => exportAll('csv', other)));
runs.push(await measured(`geojson.${preferred}`, () => exportAll('geojson', preferred)));

report({ loadMs, total, runs });
await sql.end({ timeout: 5 });
process.exit(0);
