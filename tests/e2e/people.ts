import { expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';

/**
 * Waits until the page's scripts have taken over (the root layout marks <html>), as a choice
 * made in a select before hydration is reset by it. Without JavaScript there is nothing to wait
 * for: SvelteKit's inline script, which defines a `__sveltekit_…` global, never ran.
 */
export async function hydrated(page: Page): Promise<void> {
	const scripted = await page.evaluate(() =>
		Object.keys(window).some((key) => key.startsWith('__sveltekit_'))
	);
	if (scripted) await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** A person as they typed themselves in on /register. */
export interface Resident {
	email: string;
	password: string;
	nickname: string;
	/** The home ward as the Japanese form lists it. */
	homeWard: string;
	/** The page this person is signed in on (set once they have registered). */
	page: Page;
}

/** A short random suffix, so that names made by one test never meet those of another. */
export function unique(prefix: string): string {
	return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** Someone who has not registered yet: a unique email address and nickname. */
export function newResident(homeWard = '中央区'): Omit<Resident, 'page'> {
	const id = unique('');
	return {
		email: `e2e-${id}@example.jp`,
		password: `kaigan-dori-${id}`,
		nickname: `住民${id}`,
		homeWard
	};
}

/**
 * Registers through the Japanese /register form, as a new resident would, and waits until the
 * site shows them signed in.
 */
export async function registerThroughForm(
	page: Page,
	person: Omit<Resident, 'page'>
): Promise<Resident> {
	await page.goto('/register');
	await hydrated(page);
	await page.getByLabel('メールアドレス').fill(person.email);
	await page.getByLabel('パスワード').fill(person.password);
	await page.getByLabel('ニックネーム（公開）').fill(person.nickname);
	await page.getByLabel('お住まいの区').selectOption({ label: person.homeWard });
	await page.getByLabel('利用規約に同意します').check();
	await page.getByRole('button', { name: '登録する' }).click();

	await expectSignedIn(page);
	return { ...person, page };
}

/** Signs in through the Japanese /signin form and waits until the site shows it. */
export async function signIn(page: Page, account: { email: string; password: string }) {
	await page.goto('/signin');
	await hydrated(page);
	await page.getByLabel('メールアドレス').fill(account.email);
	await page.getByLabel('パスワード').fill(account.password);
	await page.getByRole('button', { name: 'サインイン' }).click();

	await expectSignedIn(page);
}

async function expectSignedIn(page: Page) {
	const menu = page.getByRole('navigation', { name: 'メインメニュー' });
	// Signing in ends in a full page load (the redirect's target), which on a loaded two-core
	// CI machine has taken longer than the usual ten seconds.
	await expect(menu.getByRole('button', { name: 'サインアウト' })).toBeVisible({ timeout: 30_000 });
}
