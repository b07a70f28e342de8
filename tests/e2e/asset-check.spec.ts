import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { REAL_PHOTOS } from './photos';
import { containing } from './text';

/** The demo campaign: every designated emergency shelter of Chiba City, 50 m radius. */
const SHELTER_CHECK = '避難所の標識チェック 2026';

/** Shelters of the demo layer that the demo data leaves unchecked, with their positions. */
const SOGA = { name: '蘇我小学校', lat: '35.578211', lon: '140.131263' };
const MAKUHARI = { name: '幕張小学校', lat: '35.661884', lon: '140.053739' };
const KUSANO = { name: '草野中学校', lat: '35.652474', lon: '140.127453' };
/** Chiba Station: a few kilometres from every shelter above. */
const CHIBA_STATION = { lat: '35.6130', lon: '140.1135' };

const PHOTO_REQUIRED = '写真を添えてください。「正常」以外のときは写真が必要です。';
const TOO_FAR = /設備から離れすぎているようです。/;

async function openCampaign(page: Page) {
	await page.goto('/campaigns');
	await page.getByRole('link', { name: SHELTER_CHECK }).click();
	await expect(page.getByRole('heading', { name: SHELTER_CHECK, level: 1 })).toBeVisible();
}

/** "363件中 N件を点検済み（P%）" on the campaign page, as numbers. */
async function coverage(page: Page) {
	const text = await page
		.getByText(/件中 .*件を点検済み/)
		.first()
		.innerText();
	const [, total, checked] = /([\d,]+)件中 ([\d,]+)件を点検済み/.exec(text)!;
	const faults = await page
		.getByText(/見つかった不具合：/)
		.first()
		.innerText();
	return {
		total: Number(total.replace(/,/g, '')),
		checked: Number(checked.replace(/,/g, '')),
		faulty: Number(/([\d,]+)件/.exec(faults)![1].replace(/,/g, ''))
	};
}

/** From the campaign page: the check form, with the shelter found through the search. */
async function chooseShelter(page: Page, name: string) {
	await page.getByRole('link', { name: '設備を点検する' }).click();
	await expect(page.getByRole('heading', { name: '設備を点検する', level: 1 })).toBeVisible();
	await page.getByLabel('名前か番号で探す').fill(name);
	await page.getByRole('button', { name: '探す' }).click();
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
}

async function typePosition(page: Page, point: { lat: string; lon: string }) {
	await page.getByLabel('緯度').fill(point.lat);
	await page.getByLabel('経度').fill(point.lon);
}

async function send(page: Page) {
	await page.getByRole('button', { name: '点検結果を送る' }).click();
}

function photoField(page: Page): Locator {
	return page.getByLabel(/^(写真|別の写真を選ぶ)$/);
}

test('a citizen checks shelters, a fault needs a photo, and the organiser sees it among the faults', async ({
	citizen,
	page,
	organiser,
	realPhoto
}) => {
	await openCampaign(page);
	const before = await coverage(page);
	expect(before.total).toBe(363);

	// A working sign, sent from the shelter itself: no photo needed.
	await chooseShelter(page, SOGA.name);
	await expect(page.getByText('未点検')).toBeVisible();
	await page.getByLabel('正常：問題ありません').check();
	await typePosition(page, SOGA);
	await send(page);

	await expect(page).toHaveURL(/\?checked=1$/);
	await expect(
		page.getByText('ご協力ありがとうございます！点検結果を受け付けました。')
	).toBeVisible();
	expect(await coverage(page)).toEqual({ ...before, checked: before.checked + 1 });

	// A fault without a photo: refused beside the photo field, with everything else kept.
	await chooseShelter(page, MAKUHARI.name);
	await page.getByLabel('不具合：壊れている、汚れている、読みにくい').check();
	await typePosition(page, MAKUHARI);
	await page.getByLabel('コメント（任意）').fill('標識の文字がかすれています');
	await send(page);

	await expect(photoField(page)).toHaveAttribute('aria-invalid', 'true');
	await expect(photoField(page)).toHaveAccessibleDescription(containing(PHOTO_REQUIRED));
	await expect(page.getByLabel('不具合：壊れている、汚れている、読みにくい')).toBeChecked();
	await expect(page.getByLabel('緯度')).toHaveValue(MAKUHARI.lat);
	await expect(page.getByLabel('コメント（任意）')).toHaveValue('標識の文字がかすれています');

	// With a photo it goes through, and counts as a fault found.
	await photoField(page).setInputFiles(realPhoto(REAL_PHOTOS.pixel));
	await send(page);

	await expect(page).toHaveURL(/\?checked=1$/);
	expect(await coverage(page)).toEqual({
		total: before.total,
		checked: before.checked + 2,
		faulty: before.faulty + 1
	});

	// The organiser finds it on the campaign's faults page, with who found it.
	await organiser.goto('/organise');
	await organiser.getByRole('link', { name: SHELTER_CHECK }).first().click();
	await organiser.getByRole('link', { name: '点検で見つかった不具合' }).click();
	const fault = organiser.getByRole('listitem').filter({ hasText: MAKUHARI.name });
	await expect(fault).toContainText('不具合：壊れている、汚れている、読みにくい');
	await expect(fault).toContainText(citizen.nickname);
	await expect(fault).toContainText('標識の文字がかすれています');
	await expect(fault.getByRole('img', { name: `${MAKUHARI.name}の写真` })).toBeVisible();
});

test('a check sent from far from the shelter is refused beside the position', async ({
	citizen,
	page
}) => {
	expect(citizen.page).toBe(page);
	await openCampaign(page);
	const before = await coverage(page);

	await chooseShelter(page, KUSANO.name);
	await typePosition(page, CHIBA_STATION);
	await send(page);

	const location = page.getByRole('group', { name: '今いる場所' });
	await expect(location.getByText(TOO_FAR)).toBeVisible();
	await expect(page.getByLabel('緯度')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('緯度')).toHaveAccessibleDescription(TOO_FAR);
	await expect(page.getByLabel('緯度')).toHaveValue(CHIBA_STATION.lat);

	await page.goto(page.url().replace(/\/check.*$/, ''));
	expect(await coverage(page)).toEqual(before);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a check keeps its photo through a suggested place and a refusal, then goes through', async ({
		citizen,
		page,
		realPhoto
	}) => {
		expect(citizen.page).toBe(page);
		const shelter = { name: '草野公民館', lat: '35.654072', lon: '140.119792' };
		await openCampaign(page);
		const before = await coverage(page);
		await chooseShelter(page, shelter.name);

		// No place typed: the photo's EXIF position (Finland) is offered, never trusted silently.
		await page.getByLabel('見当たらない：設備がありません').check();
		await photoField(page).setInputFiles(realPhoto(REAL_PHOTOS.nokia));
		await send(page);
		await expect(page.getByText(/写真の記録から場所を入れました。/)).toBeVisible();
		await expect(page.getByRole('img', { name: '選んだ写真' })).toBeVisible();

		// Sent as suggested, it is far from the shelter; the photo stays with the form.
		await send(page);
		await expect(page.getByLabel('緯度')).toHaveAccessibleDescription(TOO_FAR);
		await expect(page.getByRole('img', { name: '選んだ写真' })).toBeVisible();
		await expect(page.getByLabel('見当たらない：設備がありません')).toBeChecked();

		await typePosition(page, shelter);
		await send(page);

		await expect(page).toHaveURL(/\?checked=1$/);
		expect(await coverage(page)).toEqual({
			total: before.total,
			checked: before.checked + 1,
			faulty: before.faulty + 1
		});
	});
});
