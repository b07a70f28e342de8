import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('the open data page lists every download in Japanese, and its CSV link returns the reports', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'オープンデータ' }).click();
	await expect(page).toHaveURL((url) => url.pathname === '/data');
	await expect(page.getByRole('heading', { name: 'オープンデータ', level: 1 })).toBeVisible();
	for (const heading of ['レポート', 'キャンペーンの投稿', '設備と最新の点検', '区の境界']) {
		await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
	}
	await expect(page.getByText('CC BY 4.0').first()).toBeVisible();
	const columns = page.getByRole('table', { name: 'レポートの列' });
	await expect(columns.getByRole('rowheader', { name: 'hours_to_resolve' })).toBeVisible();

	const downloads = page.getByRole('list', { name: 'レポートのダウンロード' });
	const href = await downloads.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
	expect(href).toBe('/data/reports.csv');
	const response = await page.request.get(href ?? '');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/csv');
	expect(response.headers()['content-disposition']).toMatch(
		/^attachment; filename="machi-quest-reports-\d{4}-\d\d-\d\d\.csv"$/
	);
	const lines = (await response.text()).trimEnd().split('\r\n');
	expect(lines[0]).toMatch(/^number,category,category_name_ja,/);
	expect(lines.length).toBeGreaterThan(10);

	const excel = await downloads.getByRole('link', { name: 'Excel 用 CSV' }).getAttribute('href');
	const bytes = await (await page.request.get(excel ?? '')).body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});

test('the open data page in English documents the columns and downloads filtered reports', async ({
	page
}) => {
	await page.goto('/en/data');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Open data', level: 1 })).toBeVisible();
	for (const heading of ['Reports', 'Campaign entries', 'Assets and their latest check']) {
		await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
	}
	const columns = page.getByRole('table', { name: 'Columns of Assets and their latest check' });
	await expect(columns.getByRole('row', { name: /last_condition/ })).toContainText(
		'What that check found'
	);

	const geojson = await page
		.getByRole('list', { name: 'Downloads: Ward boundaries' })
		.getByRole('link', { name: 'GeoJSON' })
		.getAttribute('href');
	const wards = (await (await page.request.get(geojson ?? '')).json()) as {
		type: string;
		features: unknown[];
	};
	expect(wards.type).toBe('FeatureCollection');
	expect(wards.features).toHaveLength(6);

	await page.getByLabel('Status').selectOption('resolved');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'CSV', exact: true }).click()
	]);
	const csv = await readFile((await download.path()) ?? '', 'utf8');
	const rows = csv.trimEnd().split('\r\n').slice(1);
	expect(rows.length).toBeGreaterThan(0);
	for (const row of rows) expect(row.split(',')[4]).toBe('resolved');
});

test('the report filter form keeps what was typed and says beside the field what is wrong', async ({
	page
}) => {
	await page.goto('/data');
	await page.getByLabel('状況', { exact: true }).selectOption('resolved');
	await page.getByLabel('受付日（から）').fill('2026-11-30');
	await page.getByLabel('受付日（まで）').fill('2026-11-01');
	await page.getByRole('button', { name: 'GeoJSON' }).click();

	await expect(page).toHaveURL((url) => url.pathname === '/data');
	await expect(page.getByLabel('受付日（まで）')).toHaveAccessibleDescription(
		/「まで」の日付は「から」の日付と同じか、それより後にしてください。/
	);
	await expect(page.getByLabel('受付日（まで）')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('受付日（から）')).toHaveValue('2026-11-30');
	await expect(page.getByLabel('状況', { exact: true })).toHaveValue('resolved');
});
