import { startApp } from '../lib/app';
import { Browser } from '../lib/browser';
import type { Scenario } from '../lib/scenario';
import { percentile } from '../lib/stats';

const WARMUP = 10;
const REQUESTS = 200;

/** Times GET `path` (until the whole page has arrived) `REQUESTS` times after a warm-up. */
async function timePage(browser: Browser, path: string): Promise<number[]> {
	const times: number[] = [];
	for (let n = 0; n < WARMUP + REQUESTS; n++) {
		const started = performance.now();
		await browser.page(path);
		if (n >= WARMUP) times.push(performance.now() - started);
	}
	return times;
}

/**
 * The server render time of a report's public page (/reports/<number>: photos, map, status,
 * timeline) as a visitor gets it from the built server with the demo data, one request at a
 * time; and of the list of reports (/reports) beside it. p50, and p95 against p50.
 */
export const reportPage: Scenario = {
	name: 'report-page',
	summary: `report page and report list server render p50/p95 over ${REQUESTS} requests each`,
	databases: ['pglite', 'postgres'],
	scaled: false,

	async run(context) {
		const server = await startApp(context);
		try {
			const browser = new Browser(server.origin);
			const list = await browser.page('/reports');
			const number = /href="\/reports\/(\d+)"/.exec(list)?.[1];
			if (!number) throw new Error('no report linked from /reports: the demo data has none');

			context.log(`report-page: ${WARMUP} untimed and ${REQUESTS} timed GET /reports/${number}`);
			const page = await timePage(browser, `/reports/${number}`);
			context.log(`report-page: the same for GET /reports`);
			const listed = await timePage(browser, '/reports');

			const note = `${REQUESTS} requests, one at a time, as a visitor`;
			const pageP50 = { figure: 'report_page.p50', value: percentile(page, 50) };
			const listP50 = { figure: 'report_list.p50', value: percentile(listed, 50) };
			return [
				{ ...pageP50, unit: 'ms', note: `/reports/${number}, ${note}` },
				{ figure: 'report_page.p95', value: percentile(page, 95), unit: 'ms', baseline: pageP50 },
				{ ...listP50, unit: 'ms', note: `/reports first page, ${note}` },
				{ figure: 'report_list.p95', value: percentile(listed, 95), unit: 'ms', baseline: listP50 }
			];
		} finally {
			await server.stop();
		}
	}
};
