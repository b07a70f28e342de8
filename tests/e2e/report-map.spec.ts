import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A corner of 緑区 with room for a 7×6 grid of points 130 m apart, all inside the ward. */
const MIDORI = { lon: 140.2, lat: 35.55 };
const STEP = 0.0012;

/**
 * Files a report through the report form's action, as the signed-in person of `page`. The
 * points lie farther apart than "nearby" (50 m), and `confirm` says the person saw the nearby
 * ones anyway, so each post makes a report.
 */
async function fileReport(page: Page, category: string, n: number): Promise<number> {
	const origin = new URL(page.url()).origin;
	const response = await page.request.post('/reports/new?/submit', {
		// As a browser's plain form post: SvelteKit answers `*/*` with the JSON of an enhanced one.
		headers: { origin, accept: 'text/html' },
		multipart: {
			category,
			description: `地図と一覧のテスト ${n}`,
			lat: (MIDORI.lat + Math.floor(n / 7) * STEP).toFixed(6),
			lon: (MIDORI.lon + (n % 7) * STEP).toFixed(6),
			ward: '',
			address: '',
			confirm: 'true',
			idempotencyKey: randomUUID()
		},
		maxRedirects: 0
	});
	expect(response.status(), await response.text()).toBe(303);
	return Number(/\/reports\/(\d+)/.exec(response.headers().location ?? '')?.[1]);
}

async function shot(page: Page, name: string) {
	if (process.env.SCREENSHOT_DIR) {
		await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
	}
}

test('the list shows reports narrowed by category, ward and status, thirty to a page', async ({
	page,
	citizen
}) => {
	expect(citizen.nickname).toBeTruthy();
	const numbers: number[] = [];
	for (let n = 0; n < 32; n++) numbers.push(await fileReport(page, 'park-equipment', n));
	const newest = numbers.at(-1)!;

	await page.goto('/reports');
	await page.getByLabel('種類').selectOption({ label: '公園の遊具・ベンチ' });
	await page.getByLabel('区', { exact: true }).selectOption({ label: '緑区' });
	await page.getByLabel('状況').selectOption({ label: '受付済み' });
	await page.getByRole('button', { name: 'この条件で表示する' }).click();

	await expect(page).toHaveURL(/category=park-equipment/);
	await expect(page).toHaveURL(/status=received/);
	const list = page.getByRole('list', { name: /レポートの一覧/ });
	const rows = list.getByRole('listitem');
	await expect(rows).toHaveCount(30);
	await expect(rows.first()).toContainText(`No.${newest}`);
	await expect(rows.first()).toContainText('公園の遊具・ベンチ');
	await expect(rows.first()).toContainText('受付済み');
	await expect(rows.first()).toContainText('緑区');
	await expect(page.getByLabel('状況')).toHaveValue('received');
	await shot(page, 'report-list-ja');

	await page.getByRole('link', { name: '次へ →' }).click();
	await expect(page.getByText(/2ページ目$/)).toBeVisible();
	await expect(page).toHaveURL(/category=park-equipment.*page=2/);
	await expect(rows.filter({ hasText: `No.${numbers[0]}` })).toHaveCount(1);

	await page.getByLabel('状況').selectOption({ label: '対応済み' });
	await page.getByRole('button', { name: 'この条件で表示する' }).click();
	await expect(page).toHaveURL(/status=resolved/);
	await expect(page.getByText(`No.${newest}`)).toHaveCount(0);

	await page.getByRole('link', { name: `条件をクリア` }).click();
	await expect(page).toHaveURL(/\/reports$/);
	await page.getByRole('link', { name: `No.${newest}`, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/reports/${newest}$`));
});

test('the map loads the reports of its viewport and the list stands beside it', async ({
	page
}) => {
	const answered = page.waitForResponse((r) => r.url().includes('/api/reports.geojson'));
	await page.goto('/reports');

	const response = await answered;
	expect(response.ok()).toBe(true);
	const data = await response.json();
	expect(data.type).toBe('FeatureCollection');
	await expect(page.getByRole('region', { name: 'レポートの地図' })).toBeVisible();
	await expect(page.getByText(/^地図の範囲に[\d,]+件$/)).toBeVisible();
	await expect(page.getByText('管轄外・重複・対応せず終了')).toBeVisible();
	await expect(page.getByRole('link', { name: '地図を飛ばして一覧へ' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'レポートの一覧' })).toBeVisible();

	const bad = await page.request.get('/api/reports.geojson?bbox=140,35&zoom=40');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).message).toMatch(/bbox/);
	await shot(page, 'report-map-ja');

	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/en/reports?status=received');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Reports: map and list' })
	).toBeVisible();
	await expect(page.getByLabel('Status')).toHaveValue('received');
	await expect(page.getByRole('region', { name: 'Map of reports' })).toBeVisible();
	await shot(page, 'report-map-en-phone');
});

test('a filter that cannot be read is refused with 400 and what was wrong, not a server error', async ({
	page
}) => {
	const response = await page.goto('/reports?from=2026-02-30');
	expect(response?.status()).toBe(400);
	await expect(page.getByText('日付は年-月-日の形で')).toBeVisible();

	expect((await page.goto('/en/reports?page=0'))?.status()).toBe(400);
	await expect(page.getByText('The page number must be a whole number from 1 up.')).toBeVisible();
	expect((await page.goto('/en/reports?sort=cheapest'))?.status()).toBe(400);
	await expect(page.getByText('The sort order is not one this list offers')).toBeVisible();
});
