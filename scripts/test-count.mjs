// Counts passed and failed tests in a test runner's output, so that `npm test` can add them up
// across runners. Prints "<passed> <failed>" and exits 1 when the file is missing or unreadable.
//
//   node scripts/test-count.mjs vitest results.json       Vitest's JSON reporter
//   node scripts/test-count.mjs playwright results.json   Playwright's JSON reporter
//   node scripts/test-count.mjs tap output.tap            TAP, one or more plans (pg_prove --verbose)
import { readFileSync } from 'node:fs';

/**
 * Counts TAP test lines. Several plans may follow each other (one per file); tests a plan
 * promised but never ran count as failed; an expected failure (`not ok` with the to-do
 * directive) counts as passed.
 */
export function countTap(text) {
	let passed = 0;
	let failed = 0;
	let planned = null;
	let seen = 0;
	const closePlan = () => {
		if (planned !== null && seen < planned) failed += planned - seen;
		planned = null;
		seen = 0;
	};
	for (const line of text.split('\n')) {
		const plan = /^\s*1\.\.(\d+)/.exec(line);
		if (plan) {
			closePlan();
			planned = Number(plan[1]);
			continue;
		}
		const result = /^\s*(not )?ok \d+/.exec(line);
		if (!result) continue;
		seen += 1;
		if (!result[1] || /#\s*TODO/i.test(line)) passed += 1;
		else failed += 1;
	}
	closePlan();
	return { passed, failed };
}

function countVitest(report) {
	return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
}

function countPlaywright(report) {
	const stats = report.stats ?? {};
	return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
}

function main([kind, file]) {
	let text;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		console.log('0 0');
		return 1;
	}
	let counts;
	try {
		if (kind === 'vitest') counts = countVitest(JSON.parse(text));
		else if (kind === 'playwright') counts = countPlaywright(JSON.parse(text));
		else if (kind === 'tap') counts = countTap(text);
		else throw new Error(`unknown kind ${kind}`);
	} catch (error) {
		console.error(`test-count: ${error.message}`);
		console.log('0 0');
		return 1;
	}
	console.log(`${counts.passed} ${counts.failed}`);
	return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
