import { test as base, expect } from '@playwright/test';
import path from 'node:path';

/**
 * The shared base of the end-to-end tests. Specs import `test` and `expect` from here and add
 * their own fixtures with `test.extend`, so that each test makes its own people and campaigns.
 */
export interface WorkerFixtures {
	/** ../shared/data (or REAL_DATA_DIR): real photos and open data, never copied into the repo. */
	realDataDir: string;
}

export const test = base.extend<object, WorkerFixtures>({
	realDataDir: [
		path.resolve(process.env.REAL_DATA_DIR ?? path.join(process.cwd(), '../shared/data')),
		{ scope: 'worker', option: true }
	]
});

export { expect };
