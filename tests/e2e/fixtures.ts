import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCampaign, type Campaign, type CampaignOptions } from './organiser';
import { newResident, registerThroughForm, signIn, type Resident } from './people';

/**
 * The shared base of the end-to-end tests. Specs import `test` and `expect` from here; every
 * person and campaign a test needs is made by a fixture for that test alone, so that no test
 * depends on another's data (the database is fresh for each run, not for each test).
 */
export interface WorkerFixtures {
	/** ../shared/data (or REAL_DATA_DIR): real photos and open data, never copied into the repo. */
	realDataDir: string;
}

export interface TestFixtures {
	/** The path of a file under the real data's photos folder, e.g. `gps/…jpg`. */
	realPhoto: (relativePath: string) => string;
	/** A page in a browser of its own (its own cookies), closed when the test ends. */
	freshPage: () => Promise<Page>;
	/** A brand-new resident, registered through /register on the test's own `page`. */
	citizen: Resident;
	/** The demo organiser, signed in on a page of their own. */
	organiser: Page;
	/** Has the organiser create a photo hunt through /organise/campaigns/new. */
	newCampaign: (options?: CampaignOptions) => Promise<Campaign>;
	/** A photo hunt open now over all six wards, auto-approved, 10 points an entry. */
	openCampaign: Campaign;
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The demo organiser of the seed data (see the README). */
export const DEMO_ORGANISER = { email: 'organiser@example.jp', password: 'machi-quest-demo' };

export const test = base.extend<TestFixtures, WorkerFixtures>({
	realDataDir: [
		path.resolve(projectRoot, process.env.REAL_DATA_DIR ?? '../shared/data'),
		{ scope: 'worker', option: true }
	],

	realPhoto: async ({ realDataDir }, use) => {
		await use((relativePath) => path.join(realDataDir, 'photos', relativePath));
	},

	freshPage: async ({ browser, baseURL, locale, timezoneId }, use) => {
		const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
		await use(async () => {
			const context = await browser.newContext({ baseURL, locale, timezoneId });
			contexts.push(context);
			return context.newPage();
		});
		for (const context of contexts) await context.close();
	},

	citizen: async ({ page }, use) => {
		await use(await registerThroughForm(page, newResident()));
	},

	organiser: async ({ freshPage }, use) => {
		const page = await freshPage();
		await signIn(page, DEMO_ORGANISER);
		await use(page);
	},

	newCampaign: async ({ organiser }, use) => {
		await use((options) => createCampaign(organiser, options));
	},

	openCampaign: async ({ newCampaign }, use) => {
		await use(await newCampaign());
	}
});

export { expect };
