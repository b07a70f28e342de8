import { expect, test } from './fixtures';

// The dashboard: every figure is a table rendered by the server (the chart beside it is an
// extra), the filters are a GET form, and the staff version adds repair costs and materials.

test('a visitor reads the public dashboard in Japanese and narrows it by ward and period', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: '統計', exact: true }).click();
	await expect(
		page.getByRole('heading', { name: 'データで見るまちの状況', level: 1 })
	).toBeVisible();
	for (const name of [
		'種類別の月ごとのレポート数',
		'区別の月ごとのレポート数',
		'受付方法別の月ごとのレポート数',
		'対応中のレポート（経過日数別）',
		'種類別の直るまでの日数',
		'担当課別の直るまでの日数',
		'登録レポーター数と目標',
		'レポートの受付方法',
		'期間中のキャンペーン'
	]) {
		await expect(page.getByRole('table', { name })).toBeVisible();
	}
	await expect(page.getByRole('table', { name: '使った資材' })).toHaveCount(0);
	await expect(
		page.locator('[aria-labelledby="reports-category-title"] .chart-box svg').first()
	).toBeVisible();

	await page.getByLabel('開始月').fill('2026-01');
	await page.getByLabel('終了月').fill('2026-06');
	await page.getByLabel('区', { exact: true }).selectOption({ label: '中央区' });
	await page.getByRole('button', { name: '表示' }).click();
	await page.waitForURL(/ward=12101/);
	await expect(page.getByLabel('区', { exact: true })).toHaveValue('12101');
	await expect(page.getByLabel('開始月')).toHaveValue('2026-01');
	const months = page.getByRole('table', { name: '区別の月ごとのレポート数' }).locator('tbody tr');
	await expect(months).toHaveCount(6);
	await expect(page.getByRole('table', { name: '区別の月ごとのレポート数' })).not.toContainText(
		'美浜区'
	);
});

test('the English dashboard explains a month it cannot read beside the field', async ({ page }) => {
	await page.goto('/en/insights?from=2026-13&to=2026-02');
	await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
	await expect(page.getByText('Enter a month as YYYY-MM, for example 2026-04.')).toBeVisible();
	await expect(page.getByLabel('From (month)')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('table', { name: 'Open reports by age' })).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Time to fix per month of resolution' })
	).toBeVisible();

	await page.goto('/en/insights?from=2026-06&to=2026-02');
	await expect(page.getByText('The last month cannot come before the first.')).toBeVisible();
});

test('staff and organisers read repair costs and materials; citizens are refused', async ({
	organiser,
	citizen
}) => {
	await organiser.goto('/insights');
	await organiser.getByRole('link', { name: '補修の費用と資材を含む職員向けデータ' }).click();
	await expect(organiser.getByRole('heading', { name: '職員向けデータ', level: 1 })).toBeVisible();
	await expect(organiser.getByRole('table', { name: '種類別の補修' })).toBeVisible();
	await expect(organiser.getByRole('table', { name: '使った資材' })).toBeVisible();

	await organiser.goto('/en/staff/insights');
	await expect(organiser.getByRole('table', { name: 'Repairs by office' })).toBeVisible();

	const refused = await citizen.page.goto('/staff/insights');
	expect(refused?.status()).toBe(403);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the tables are there and the filter form still works', async ({ page }) => {
		await page.goto('/en/insights');
		await expect(page.getByRole('table', { name: 'Reports per month by category' })).toBeVisible();
		await page.getByLabel('Category', { exact: true }).selectOption({ index: 1 });
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL(/category=/);
		await expect(page.getByRole('table', { name: 'Reports per month by channel' })).toBeVisible();
		await expect(page.locator('.chart-box svg')).toHaveCount(0);
	});
});
