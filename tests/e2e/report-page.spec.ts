import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newResident, registerThroughForm } from './people';
import { pointInChuo, ReportForm } from './report-form';

/** Screenshots go beside the test results, for a person to look at. */
const SHOTS = process.env.E2E_SHOTS ?? 'test-results/shots';

async function fileRoadReport(page: Page, description: string): Promise<number> {
	const form = await ReportForm.open(page);
	await form.category('道路の損傷').check();
	await form.description.fill(description);
	await form.typePoint(pointInChuo());
	await form.send();
	return form.expectCreated();
}

test('a report shows on its page; another resident follows it and hears of a status change', async ({
	citizen,
	organiser: staff,
	freshPage
}) => {
	const number = await fileRoadReport(citizen.page, '歩道の舗装がはがれて段差になっています。');
	const own = citizen.page;
	await expect(own.getByRole('status')).toHaveText(
		`ありがとうございます。レポート #${number} を受け付けました。状態が変わるとお知らせします。`
	);
	await expect(own.getByRole('heading', { level: 1 })).toContainText(`レポート #${number}`);
	await expect(own.getByText('歩道の舗装がはがれて段差になっています。')).toBeVisible();
	await expect(own.getByText(citizen.nickname)).toBeVisible();
	await expect(own.getByText('フォロー：1人')).toBeVisible();
	await expect(own.getByText('あなたのレポートです。')).toBeVisible();
	await expect(own.getByRole('button', { name: 'わたしも見ました' })).toHaveCount(0);

	// A visitor reads it and is sent to sign in to follow it.
	const visitor = await freshPage();
	await visitor.goto(`/reports/${number}`);
	await expect(visitor.getByText('受付', { exact: true }).first()).toBeVisible();
	await visitor.getByRole('link', { name: 'サインインしてフォロー・「わたしも見ました」' }).click();
	await expect(visitor).toHaveURL(new RegExp(`/signin\\?next=%2Freports%2F${number}$`));

	// Another resident follows it and says they saw it too.
	const neighbour = await registerThroughForm(await freshPage(), newResident());
	const page = neighbour.page;
	await page.goto(`/reports/${number}`);
	await page.getByRole('button', { name: 'フォローする' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'フォローしました。状態が変わるとお知らせします。'
	);
	await expect(page.getByText('フォロー：2人')).toBeVisible();
	await page.getByRole('button', { name: 'わたしも見ました' }).click();
	await expect(page.getByText('同じ問題を見た人：1人')).toBeVisible();
	await expect(page.getByRole('link', { name: 'お知らせ', exact: true })).toBeVisible();

	// Staff move it to "in progress" with a public note, on the staff work page.
	const work = await staff.goto(`/staff/reports/${number}`);
	expect(work?.status()).toBe(200);
	const status = staff.getByRole('region', { name: '状態を変える' });
	await status.getByLabel('新しい状態').selectOption({ label: '対応中' });
	await status.getByLabel('公開のお知らせ').fill('道路維持の担当者が現地を確認します。');
	await status.getByRole('button', { name: '状態を変える' }).click();
	await expect(status.getByText('状態を変えました。')).toBeVisible();

	// The follower sees one unread notification in the header and reads it.
	await page.goto('/');
	const bell = page.getByRole('link', { name: 'お知らせ（未読 1 件）' });
	await expect(bell).toBeVisible();
	await bell.click();
	const item = page.getByRole('listitem').filter({ hasText: `レポート #${number}` });
	await expect(item).toContainText(`レポート #${number} が「対応中」になりました。`);
	await expect(item).toContainText('道路維持の担当者が現地を確認します。');
	await expect(item).toContainText('未読');
	await page.screenshot({ path: `${SHOTS}/notifications-ja.png`, fullPage: true });
	await item.getByRole('link', { name: `レポート #${number} を見る` }).click();

	const timeline = page.getByRole('region', { name: 'これまでの経過' });
	await expect(timeline).toContainText('状態が「対応中」になりました。');
	await expect(timeline).toContainText('道路維持の担当者が現地を確認します。');
	await expect(page.getByRole('link', { name: 'お知らせ', exact: true })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/report-ja.png`, fullPage: true });

	// The same page in English, and at a phone's width.
	await page.goto(`/en/reports/${number}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Report #${number}`);
	await expect(page.getByText('In progress').first()).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/report-en.png`, fullPage: true });
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto(`/reports/${number}`);
	await page.screenshot({ path: `${SHOTS}/report-phone.png`, fullPage: true });

	// Staff see the link to the work page.
	await staff.goto(`/reports/${number}`);
	await expect(staff.getByRole('link', { name: '職員用の作業ページを開く' })).toBeVisible();
});

test('an unknown report number is a 404 page', async ({ page }) => {
	const response = await page.goto('/reports/987654321');
	expect(response?.status()).toBe(404);
	await expect(
		page.getByText('このレポートは見つかりません。番号をお確かめください。')
	).toBeVisible();

	for (const path of ['/reports/abc', '/reports/0x1', '/en/reports/987654321']) {
		expect((await page.goto(path))?.status()).toBe(404);
	}
	await expect(
		page.getByText('We could not find this report. Please check the number.')
	).toBeVisible();
});

test('a status shows one shape beside its word, not the campaign badge’s dot as well', async ({
	citizen
}) => {
	await fileRoadReport(citizen.page, '縁石が欠けています。');
	const badge = citizen.page.locator('article header').getByText('受付', { exact: true });

	await expect(badge.locator('svg')).toHaveCount(1);
	const dot = await badge.evaluate((element) => getComputedStyle(element, '::before').content);
	expect(dot).toBe('none');
});
