import Encoding from 'encoding-japanese';
import { expect, test } from './fixtures';

// What a city office publishes: Shift_JIS, one "lat,lon" column, and rows that cannot be used.
const CSV = [
	'管理番号,名称,位置',
	'M-1,中央公園前①カーブミラー,"35.6074, 140.1233"',
	'M-2,位置なしのミラー,',
	'M-3,横浜のミラー,"35.4437, 139.6380"'
].join('\r\n');

const SCREENSHOTS = process.env.SCREENSHOT_DIR;

test('an organiser imports a Shift_JIS inventory, maps its columns and sees the report and the layer', async ({
	organiser: page
}) => {
	const code = `mirrors-${Date.now().toString(36)}`;
	const shot = async (name: string) => {
		if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
	};

	await page.goto('/organise');
	await page.getByRole('link', { name: '資産台帳（街灯・避難所など）' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '資産台帳' })).toBeVisible();

	await page.getByLabel('コード').fill(code);
	await page.getByLabel('名前（日本語）').fill('カーブミラー');
	await page.getByLabel('名前（英語）').fill('Curve mirrors');
	await page.getByRole('button', { name: '作成する' }).click();
	await expect(page.getByText('レイヤーを作成しました。')).toBeVisible();
	await shot('inventories');

	await page
		.getByRole('row', { name: new RegExp(code) })
		.getByRole('link', { name: /に取り込む/ })
		.click();
	await expect(page.getByRole('combobox', { name: 'レイヤー' })).toHaveValue(code);
	const sjis = Buffer.from(Encoding.convert(Encoding.stringToCode(CSV), 'SJIS', 'UNICODE'));
	await page
		.getByLabel('ファイル', { exact: true })
		.setInputFiles({ name: 'mirrors.csv', mimeType: 'text/csv', buffer: sjis });
	await shot('upload');
	await page.getByRole('button', { name: 'アップロードして列を選ぶ' }).click();

	await expect(page.getByRole('heading', { level: 1, name: '列の対応を選ぶ' })).toBeVisible();
	await expect(page.getByText('Shift_JIS (cp932)')).toBeVisible();
	await expect(page.getByRole('cell', { name: '中央公園前①カーブミラー' })).toBeVisible();
	await page.getByLabel('1つの列に「緯度,経度」').check();
	await page.getByLabel('「緯度,経度」の列').selectOption('位置');
	await expect(page.getByLabel('ID の列')).toHaveValue('管理番号');
	await expect(page.getByLabel('名前の列')).toHaveValue('名称');
	await expect(page.getByLabel('市の区域外の行は取り込まない')).toBeChecked();
	await shot('mapping');
	await page.getByRole('button', { name: '3行を取り込む' }).click();

	await expect(page.getByRole('heading', { level: 1, name: '取り込み結果' })).toBeVisible();
	const figure = (term: string) => page.locator('dl div').filter({ hasText: term }).locator('dd');
	await expect(figure('読み取った行')).toHaveText('3');
	await expect(figure('追加')).toHaveText('1');
	await expect(figure('スキップ')).toHaveText('2');
	await expect(page.getByRole('heading', { name: '位置がありません: 1行' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '市の区域外です: 1行' })).toBeVisible();
	await expect(page.getByText('M-3, 横浜のミラー, 35.4437, 139.6380')).toBeVisible();
	await shot('report');

	await page.getByRole('link', { name: '「カーブミラー」を地図で見る' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'カーブミラー' })).toBeVisible();
	await expect(page.getByText('設備 1件')).toBeVisible();
	await expect(page.getByRole('region', { name: '「カーブミラー」の設備の地図' })).toBeVisible();
	const row = page.getByRole('row', { name: /M-1/ });
	await expect(row).toContainText('中央公園前①カーブミラー');
	await expect(row).toContainText('140.123300');

	const features = await page.request.get(
		`/api/layers/${code}/assets?bbox=140.0,35.5,140.3,35.7&zoom=12`
	);
	expect((await features.json()).features).toHaveLength(1);
	await shot('layer');
});

test('the demo shelter layer shows its 363 shelters on the map and in a paged list', async ({
	organiser: page
}) => {
	const answered = page.waitForResponse((r) => r.url().includes('/api/layers/shelters/assets'));
	await page.goto('/organise/inventories/layers/shelters');

	await expect(page.getByRole('heading', { level: 1, name: '指定緊急避難場所' })).toBeVisible();
	await expect(page.getByText('設備 363件')).toBeVisible();
	expect((await answered).ok()).toBe(true);
	await expect(page.getByText('1/8ページ', { exact: true })).toBeVisible();
	await page.getByRole('link', { name: '次へ →' }).click();
	await expect(page.getByText('2/8ページ', { exact: true })).toBeVisible();
	if (process.env.SCREENSHOT_DIR) {
		await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/shelters.png`, fullPage: true });
	}
});
