import { expect, test } from './fixtures';

test('the language switch shows the same campaign page in Japanese and in English under /en', async ({
	page,
	openCampaign
}) => {
	await page.goto(openCampaign.path);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await expect(page.getByRole('heading', { name: openCampaign.title, level: 1 })).toBeVisible();
	for (const heading of ['キャンペーンについて', 'ギャラリー', 'ランキング', '地図']) {
		await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
	}
	await expect(page.getByText('千葉市全域（6区）')).toBeVisible();
	await expect(page.getByRole('link', { name: 'サインインして参加する' })).toBeVisible();

	await page.getByRole('list', { name: '表示言語' }).getByRole('link', { name: 'English' }).click();

	await expect(page).toHaveURL((url) => url.pathname === `/en${openCampaign.path}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: openCampaign.title, level: 1 })).toBeVisible();
	for (const heading of ['About this campaign', 'Gallery', 'Leaderboard', 'Map']) {
		await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
	}
	await expect(page.getByRole('link', { name: 'Sign in to join' })).toBeVisible();
	await expect(page.getByText('ギャラリー')).toHaveCount(0);

	await page.getByRole('list', { name: 'Language' }).getByRole('link', { name: '日本語' }).click();
	await expect(page).toHaveURL((url) => url.pathname === openCampaign.path);
	await expect(page.getByRole('heading', { name: 'ギャラリー', level: 2 })).toBeVisible();
});
