// Runs the pgTAP tests (supabase/tests/database/*.test.sql) on the embedded database: PGlite
// with PostGIS and pgTAP, opened directly on a data folder (a copy of the migrated template;
// it is changed by the run). Prints the TAP of every file and, with --tap FILE, writes it there
// too for counting. Exits 1 if any test failed or a file could not run.
//
//   npx tsx scripts/pgtap-pglite.ts /tmp/copy-of-template [--tap out.tap] [files...]
import { PGlite } from '@electric-sql/pglite';
import { pgtap } from '@electric-sql/pglite-pgtap';
import { postgis } from '@electric-sql/pglite-postgis';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countTap } from './test-count.mjs';

const args = process.argv.slice(2);
const tapAt = args.indexOf('--tap');
const tapFile = tapAt >= 0 ? args.splice(tapAt, 2)[1] : null;
const [dataDir, ...chosen] = args;
if (!dataDir) {
	console.error('pgtap-pglite: give the PGlite data folder (a copy of the template)');
	process.exit(2);
}

const testDir = 'supabase/tests/database';
const files = chosen.length
	? chosen
	: readdirSync(testDir)
			.filter((name) => name.endsWith('.test.sql'))
			.sort()
			.map((name) => join(testDir, name));

/** The text a test file's statements returned: pgTAP's plan, results and diagnostics. */
function tapOf(results: { rows: Record<string, unknown>[] }[]): string[] {
	const lines: string[] = [];
	for (const result of results) {
		for (const row of result.rows) {
			for (const value of Object.values(row)) {
				if (typeof value === 'string' && value !== '') lines.push(...value.split('\n'));
			}
		}
	}
	return lines;
}

const started = performance.now();
const pg = await PGlite.create(dataDir, { extensions: { postgis, pgtap } });
console.log(`pgtap-pglite: PGlite ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

let passed = 0;
let failed = 0;
const allTap: string[] = [];
for (const file of files) {
	const fileStarted = performance.now();
	let lines: string[];
	try {
		lines = tapOf(await pg.exec(readFileSync(file, 'utf8')));
	} catch (error) {
		// The file died part-way: every test it planned counts as failed.
		await pg.exec('rollback').catch(() => {});
		const plan = /select\s+plan\((\d+)\)/i.exec(readFileSync(file, 'utf8'));
		const planned = plan ? Number(plan[1]) : 1;
		lines = [`1..${planned}`, `# ${file} stopped: ${(error as Error).message}`];
	}
	const counts = countTap(lines.join('\n'));
	passed += counts.passed;
	failed += counts.failed;
	const seconds = ((performance.now() - fileStarted) / 1000).toFixed(1);
	console.log(`${file} (${seconds} s)\n${lines.map((line) => `  ${line}`).join('\n')}`);
	allTap.push(...lines);
}
await pg.close();

if (tapFile) writeFileSync(tapFile, allTap.join('\n') + '\n');
console.log(`pgtap-pglite: ${files.length} files, ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
