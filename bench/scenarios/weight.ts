import { chromium, type BrowserContext } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { startApp } from '../lib/app';
import type { Figure } from '../lib/figures';
import type { Scenario } from '../lib/scenario';

/** JavaScript a page without a map may send on first load, gzipped (issue 7's budget). */
const JS_BUDGET_KB = 60;

const DEMO_CITIZEN = { email: 'citizen1@example.jp', password: 'machi-quest-demo' };

interface Weight {
	jsKb: number;
	cssKb: number;
	hasMap: boolean;
}

/**
 * What a browser with an empty cache downloads for `path` until the network is quiet: the
 * scripts and style sheets, each gzipped at the default level as a server would send it (the
 * built server may send Brotli, which is smaller still), and whether a map was drawn.
 */
async function weigh(context: BrowserContext, origin: string, path: string): Promise<Weight> {
	const page = await context.newPage();
	const sizes = { script: 0, stylesheet: 0 };
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type !== 'script' && type !== 'stylesheet') return;
		pending.push(
			response
				.body()
				.then((body) => void (sizes[type] += gzipSync(body).length))
				.catch(() => undefined)
		);
	});
	const answer = await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
	if (!answer?.ok()) throw new Error(`GET ${path} answered ${answer?.status()}`);
	await Promise.all(pending);
	const hasMap = (await page.locator('.maplibregl-map').count()) > 0;
	await page.close();
	return { jsKb: sizes.script / 1024, cssKb: sizes.stylesheet / 1024, hasMap };
}

/**
 * Page weight: for each main page, the JavaScript and CSS a first visit downloads (gzip), as a
 * visitor and, for the report form, as a signed-in resident. Pages without a map must stay
 * under 60 KB of JavaScript; map pages count MapLibre, which they load on demand.
 */
export const weight: Scenario = {
	name: 'weight',
	summary: `JavaScript and CSS per main page on first load (gzip); budget ${JS_BUDGET_KB} KB of JS without a map`,
	databases: [],
	scaled: false,

	async run(context) {
		const server = await startApp(context);
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox']
		});
		try {
			const visitor = () => browser.newContext({ locale: 'ja-JP' });
			const probe = await visitor();
			const home = await probe.newPage();
			await home.goto(new URL('/campaigns', server.origin).href);
			const campaign = await home
				.locator('a[href^="/campaigns/"]')
				.evaluateAll((links) =>
					links
						.map((link) => link.getAttribute('href'))
						.find((href) => /^\/campaigns\/[^/]+$/.test(href ?? ''))
				);
			await home.goto(new URL('/reports', server.origin).href);
			const report = await home
				.locator('a[href^="/reports/"]')
				.evaluateAll((links) =>
					links
						.map((link) => link.getAttribute('href'))
						.find((href) => /^\/reports\/\d+$/.test(href ?? ''))
				);
			await probe.close();

			// The resident's session, made once and handed to each fresh context.
			const signed = await visitor();
			const signin = await signed.newPage();
			await signin.goto(new URL('/signin', server.origin).href);
			await signin.getByLabel('メールアドレス').fill(DEMO_CITIZEN.email);
			await signin.getByLabel('パスワード').fill(DEMO_CITIZEN.password);
			await signin.getByRole('button', { name: 'サインイン' }).click();
			await signin.waitForURL((url) => !url.pathname.startsWith('/signin'));
			const storageState = await signed.storageState();
			await signed.close();

			const pages: { name: string; path: string; signedIn?: boolean }[] = [
				{ name: 'home', path: '/' },
				{ name: 'campaigns', path: '/campaigns' },
				...(campaign ? [{ name: 'campaign', path: campaign }] : []),
				{ name: 'reports_map_list', path: '/reports' },
				...(report ? [{ name: 'report', path: report }] : []),
				{ name: 'report_form', path: '/reports/new', signedIn: true },
				{ name: 'leaderboard', path: '/leaderboard' },
				{ name: 'volunteer', path: '/volunteer' },
				{ name: 'register', path: '/register' },
				{ name: 'insights', path: '/insights' },
				{ name: 'open_data', path: '/data' }
			];
			const figures: Figure[] = [];
			for (const { name, path, signedIn } of pages) {
				const context_ = await browser.newContext({
					locale: 'ja-JP',
					...(signedIn ? { storageState } : {})
				});
				try {
					context.log(`weight: ${path}`);
					const { jsKb, cssKb, hasMap } = await weigh(context_, server.origin, path);
					figures.push(
						{
							figure: `weight.${name}.js`,
							value: jsKb,
							unit: 'KB',
							note: `${path}, gzip${hasMap ? ', with the map (MapLibre)' : ''}`,
							...(hasMap ? {} : { budget: { max: JS_BUDGET_KB } })
						},
						{ figure: `weight.${name}.css`, value: cssKb, unit: 'KB', note: `${path}, gzip` }
					);
				} catch (cause) {
					context.log(`weight: ${path} could not be weighed: ${(cause as Error).message}`);
				} finally {
					await context_.close();
				}
			}
			return figures;
		} finally {
			await browser.close();
			await server.stop();
		}
	}
};
