import { CHIBA_STATION, EntryForm } from './entry-form';
import { expect, test } from './fixtures';
import { REAL_PHOTOS } from './photos';

test('a resident whose first entry is approved sees their level, badge and history on their account and their rank on the month leaderboard, also when hidden', async ({
	citizen,
	openCampaign,
	realPhoto,
	freshPage
}, testInfo) => {
	const page = citizen.page;
	const form = await EntryForm.joinAndOpen(page, openCampaign);
	await form.choosePhoto(realPhoto(REAL_PHOTOS.coolpix));
	await form.typePoint(CHIBA_STATION);
	await form.send();
	await expect(page).toHaveURL(/sent=1/);

	await page
		.getByRole('navigation', { name: 'メインメニュー' })
		.getByRole('link', { name: 'アカウント' })
		.click();
	const progress = page.getByRole('region', { name: 'ポイントとレベル' });
	await expect(progress).toContainText('レベル 1');
	await expect(progress).toContainText('10 ポイント');
	await expect(progress).toContainText('次のレベルまで、あと 10 ポイントです（50%）。');
	await expect(progress.getByRole('progressbar', { name: '次のレベルへの進み具合' })).toBeVisible();
	const badges = page.getByRole('region', { name: 'バッジ' });
	await expect(badges.getByRole('listitem')).toHaveCount(1);
	await expect(badges).toContainText('はじめの一枚');
	const history = page.getByRole('region', { name: 'ポイントの履歴' });
	await expect(history.getByRole('row').nth(1)).toContainText('投稿が承認されました');
	await expect(history.getByRole('link', { name: openCampaign.title })).toBeVisible();
	await expect(history.getByRole('row').nth(1)).toContainText('+10');
	await page.screenshot({ path: testInfo.outputPath('account.png'), fullPage: true });

	await page.getByRole('link', { name: 'ランキング' }).first().click();
	await expect(page.getByRole('link', { name: '今月' })).toHaveAttribute('aria-current', 'page');
	const mine = page.getByRole('row', { name: new RegExp(citizen.nickname) });
	await expect(mine).toContainText('あなた');
	await expect(page.getByRole('status')).toContainText('あなたの順位');
	await page.screenshot({ path: testInfo.outputPath('leaderboard.png'), fullPage: true });

	// Hidden from the public boards, the resident still sees their own rank.
	await page.goto('/account');
	await page.getByLabel('公開ランキングに自分を表示しない').check();
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();
	await page.goto('/leaderboard?period=all');
	await expect(page.getByRole('status')).toContainText('この順位はあなただけに見えています。');
	await page.screenshot({ path: testInfo.outputPath('leaderboard-hidden.png'), fullPage: true });
	const visitor = await freshPage();
	await visitor.goto('/leaderboard?period=all');
	await expect(visitor.getByRole('heading', { name: 'ランキング', level: 1 })).toBeVisible();
	await expect(visitor.getByText(citizen.nickname)).toHaveCount(0);

	await page.goto(`/people/${encodeURIComponent(citizen.nickname)}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${citizen.nickname} さん`);
	await expect(page.getByText('はじめの一枚')).toBeVisible();
	await expect(page.getByText(citizen.email)).toHaveCount(0);
	await page.screenshot({ path: testInfo.outputPath('profile.png'), fullPage: true });
});
