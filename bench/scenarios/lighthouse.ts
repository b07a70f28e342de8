import * as chromeLauncher from 'chrome-launcher';
import lighthouseRun from 'lighthouse';
import { startApp } from '../lib/app';
import type { Figure } from '../lib/figures';
import type { Scenario } from '../lib/scenario';

/** The mobile performance score issue 7 asks of the home, campaign and report pages. */
const SCORE_BUDGET = 95;

/**
 * Lighthouse's mobile performance score (its default: a mid-range phone on a slow 4G network,
 * simulated) for the home page, a campaign's page and a report's page, driving Debian's
 * chromium; with First Contentful Paint, Largest Contentful Paint and Total Blocking Time.
 */
export const lighthouse: Scenario = {
	name: 'lighthouse',
	summary: `Lighthouse mobile performance score of home, campaign and report pages (budget ${SCORE_BUDGET})`,
	databases: [],
	scaled: false,

	async run(context) {
		const server = await startApp(context);
		const chrome = await chromeLauncher.launch({
			chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
		});
		try {
			const campaigns = await (await fetch(new URL('/campaigns', server.origin))).text();
			const campaign = /href="(\/campaigns\/[^"/]+)"/.exec(campaigns)?.[1];
			const reports = await (await fetch(new URL('/reports', server.origin))).text();
			const report = /href="(\/reports\/\d+)"/.exec(reports)?.[1];
			const pages = [
				{ name: 'home', path: '/' },
				...(campaign ? [{ name: 'campaign', path: campaign }] : []),
				...(report ? [{ name: 'report', path: report }] : [])
			];

			const figures: Figure[] = [];
			for (const { name, path } of pages) {
				context.log(`lighthouse: ${path}`);
				const result = await lighthouseRun(new URL(path, server.origin).href, {
					port: chrome.port,
					onlyCategories: ['performance'],
					logLevel: 'error',
					output: 'json'
				});
				const lhr = result?.lhr;
				if (!lhr) throw new Error(`lighthouse gave no result for ${path}`);
				const score = Math.round((lhr.categories.performance.score ?? 0) * 100);
				const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
				figures.push(
					{
						figure: `lighthouse.${name}.performance`,
						value: score,
						unit: 'score',
						note: `${path}, mobile, simulated slow 4G`,
						budget: { min: SCORE_BUDGET }
					},
					{ figure: `lighthouse.${name}.fcp`, value: metric('first-contentful-paint'), unit: 'ms' },
					{
						figure: `lighthouse.${name}.lcp`,
						value: metric('largest-contentful-paint'),
						unit: 'ms'
					},
					{ figure: `lighthouse.${name}.tbt`, value: metric('total-blocking-time'), unit: 'ms' }
				);
			}
			return figures;
		} finally {
			chrome.kill();
			await server.stop();
		}
	}
};
