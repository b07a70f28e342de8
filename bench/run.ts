// `npm run bench [-- NAME...] [--scale 100k] [--db pglite|postgres] [--list]`: runs the chosen
// scenarios (all by default), prints one line per figure on stdout (progress goes to stderr),
// and writes this run's figures to bench/results.json. Benchmarks print; they never fail a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	formatFigure,
	ratio,
	withinBudget,
	type DatabaseKind,
	type Figure,
	type Result
} from './lib/figures';
import type { BenchContext, Scenario } from './lib/scenario';
import { scenarios } from './scenarios';

const DEFAULT_SCALE = 1_000_000;
const SCALE_UNITS: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000 };

interface Options {
	names: string[];
	scale: number;
	database: DatabaseKind;
	list: boolean;
}

function parseOptions(args: string[]): Options {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			scale: { type: 'string' },
			db: { type: 'string', default: 'pglite' },
			list: { type: 'boolean', default: false }
		}
	});
	if (values.db !== 'pglite' && values.db !== 'postgres') {
		throw new Error(`--db is pglite or postgres, not ${values.db}`);
	}
	return {
		names: positionals,
		scale: values.scale === undefined ? DEFAULT_SCALE : parseScale(values.scale),
		database: values.db,
		list: values.list
	};
}

/** `10k`, `100k`, `1m`, `1e6` or a plain number of reports. */
function parseScale(text: string): number {
	const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([km]?)$/i.exec(text.trim());
	const scale = match ? Number(match[1]) * SCALE_UNITS[match[2].toLowerCase()] : NaN;
	if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale: not a row count: ${text}`);
	return scale;
}

function choose(names: string[]): readonly Scenario[] {
	if (names.length === 0) return scenarios;

	return names.map((name) => {
		const found = scenarios.find((scenario) => scenario.name === name);
		if (!found) {
			const known = scenarios.map((scenario) => scenario.name).join(', ');
			throw new Error(`no scenario named ${name} (there are: ${known})`);
		}
		return found;
	});
}

/** Why a scenario cannot run on this run's database, or null when it can. */
function reasonToSkip(scenario: Scenario, context: BenchContext): string | null {
	if (scenario.databases.length === 0) return null;
	if (!scenario.databases.includes(context.database)) {
		return `measures ${scenario.databases.join(' and ')} only`;
	}
	if (context.database === 'postgres' && !context.databaseUrl) {
		return '--db postgres needs BENCH_DATABASE_URL (a PostgreSQL 15+ with PostGIS to fill)';
	}
	return null;
}

function toResult(figure: Figure, scenario: Scenario, context: BenchContext, date: string): Result {
	const baseline = figure.baseline;
	return {
		figure: figure.figure,
		value: round(figure.value, 2),
		unit: figure.unit,
		baseline: baseline ? { figure: baseline.figure, value: round(baseline.value, 2) } : null,
		ratio: nullableRound(ratio(figure), 3),
		database: scenario.databases.length > 0 ? context.database : null,
		scale: scenario.scaled ? context.scale : null,
		date,
		budget: figure.budget ?? null,
		withinBudget: withinBudget(figure),
		note: figure.note ?? null
	};
}

function round(value: number, digits: number): number {
	return Number(value.toFixed(digits));
}

function nullableRound(value: number | null, digits: number): number | null {
	return value === null ? null : round(value, digits);
}

function log(message: string): void {
	process.stderr.write(`# ${message}\n`);
}

async function main(): Promise<number> {
	const options = parseOptions(process.argv.slice(2));
	if (options.list) {
		for (const scenario of scenarios) console.log(`${scenario.name}  ${scenario.summary}`);
		return 0;
	}

	const root = resolve(import.meta.dirname, '..');
	const tempDirs: string[] = [];
	const context: BenchContext = {
		root,
		realDataDir: resolve(root, process.env.REAL_DATA_DIR ?? '../shared/data'),
		database: options.database,
		databaseUrl: options.database === 'postgres' ? (process.env.BENCH_DATABASE_URL ?? null) : null,
		scale: options.scale,
		tempDir(purpose, parent = tmpdir()) {
			mkdirSync(parent, { recursive: true });
			const dir = mkdtempSync(join(parent, `machi-bench-${purpose}-`));
			tempDirs.push(dir);
			return dir;
		},
		log
	};

	const removeTempDirs = () => {
		for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	};
	// Ctrl-C reaches the servers and databases too (one process group); the folders are ours.
	process.once('SIGINT', () => {
		removeTempDirs();
		process.exit(130);
	});

	const date = new Date().toISOString();
	const started = performance.now();
	const results: Result[] = [];
	let failures = 0;
	log(
		`database ${context.database}, scale ${context.scale}, ${availableParallelism()} cores, ${date}`
	);

	try {
		for (const scenario of choose(options.names)) {
			const skip = reasonToSkip(scenario, context);
			if (skip) {
				log(`${scenario.name}: skipped: ${skip}`);
				continue;
			}

			log(`${scenario.name}: ${scenario.summary}`);
			try {
				for (const figure of await scenario.run(context)) {
					console.log(formatFigure(figure));
					results.push(toResult(figure, scenario, context, date));
				}
			} catch (error) {
				failures++;
				log(`${scenario.name}: failed: ${error instanceof Error ? error.message : String(error)}`);
			}
		}
	} finally {
		removeTempDirs();
	}

	writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	const seconds = (performance.now() - started) / 1000;
	log(`${results.length} figures in ${seconds.toFixed(0)} s, written to bench/results.json`);
	return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
