import path from 'node:path';
import { EntryForm } from './entry-form';
import { expect, test } from './fixtures';
import { tokyoLocal } from './organiser';
import { unique } from './people';
import { REAL_PHOTOS } from './photos';

const HOUR = 60 * 60 * 1000;

test('an organiser makes a campaign over a zone from a real boundary file, after a wrong file and a missing inventory, and an entry outside the zone is refused', async ({
	organiser: page,
	citizen,
	realDataDir,
	realPhoto
}) => {
	const title = unique('緑区の秋を探せ ');
	await page.goto('/organise/campaigns/new');
	await page.getByRole('radio', { name: /設備点検/ }).check();
	await page.getByLabel('タイトル').fill(title);
	await page.getByLabel('開始日時').fill(tokyoLocal(new Date(Date.now() - HOUR)));
	await page.getByRole('radio', { name: 'GeoJSONファイルの区域' }).check();
	// A file of points, not polygons: refused beside the file field, and nothing typed is lost.
	await page.getByLabel('区域のファイル（GeoJSON）').setInputFiles({
		name: 'points.geojson',
		mimeType: 'application/geo+json',
		buffer: Buffer.from(JSON.stringify({ type: 'Point', coordinates: [140.18, 35.56] }), 'utf8')
	});
	await page.getByRole('checkbox', { name: 'すぐに公開する' }).check();
	await page.getByRole('button', { name: 'キャンペーンを作成' }).click();

	await expect(page.getByText('ファイルにポリゴンがありません。')).toBeVisible();
	await expect(page.getByText('点検する台帳を選んでください。')).toBeVisible();
	await expect(page.getByLabel('タイトル')).toHaveValue(title);
	await expect(page.getByRole('radio', { name: /設備点検/ })).toBeChecked();

	// The real 緑区 boundary: clockwise rings, holes, an exclave. As a photo hunt this time.
	await page.getByRole('radio', { name: /フォトハント/ }).check();
	await page
		.getByLabel('区域のファイル（GeoJSON）')
		.setInputFiles(path.join(realDataDir, 'boundaries', 'geolonia_n03_2022_12105.json'));
	await page.getByRole('button', { name: 'キャンペーンを作成' }).click();
	await expect(page.getByText('キャンペーンを作成しました。')).toBeVisible();
	const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';

	await citizen.page.goto(`/campaigns/${id}`);
	await expect(citizen.page.getByText('運営が定めた区域です。')).toBeVisible();
	const form = await EntryForm.joinAndOpen(citizen.page, {
		id,
		title,
		path: `/campaigns/${id}`,
		wards: [],
		pointsPerEntry: 10
	});
	await form.choosePhoto(realPhoto(REAL_PHOTOS.coolpix));
	// Chiba Station is in 中央区, outside the zone.
	await form.typePoint({ lat: '35.6074', lon: '140.1065' });
	await form.send();
	await expect(
		citizen.page.getByText('この場所はキャンペーンの区域外です。').first()
	).toBeVisible();

	// Near Kamatori station, inside 緑区.
	await form.typePoint({ lat: '35.5683', lon: '140.1853' });
	await form.send();
	await expect(citizen.page).toHaveURL(new RegExp(`/campaigns/${id}\\?sent=1`));
});
