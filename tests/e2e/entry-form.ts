import { expect, type Locator, type Page } from '@playwright/test';
import type { Campaign } from './organiser';
import { containing } from './text';

/** A file for an `<input type="file">`: a path on disk or bytes made by the test. */
export type PhotoFile = string | { name: string; mimeType: string; buffer: Buffer };

/** Chiba Station (中央区), well inside the city. */
export const CHIBA_STATION = { lat: '35.6074', lon: '140.1065' };

/** The entry form (/campaigns/[id]/enter) in Japanese, as a person sees it. */
export class EntryForm {
	readonly photo: Locator;
	readonly location: Locator;
	readonly latitude: Locator;
	readonly longitude: Locator;
	readonly ward: Locator;
	readonly comment: Locator;
	readonly map: Locator;
	readonly status: Locator;
	readonly pendingPhoto: Locator;

	constructor(readonly page: Page) {
		// The label changes to 別の写真を選ぶ once the server holds a pending photo.
		this.photo = page.getByLabel(/^(写真|別の写真を選ぶ)$/);
		this.location = page.getByRole('group', { name: '撮影した場所' });
		this.latitude = page.getByLabel('緯度');
		this.longitude = page.getByLabel('経度');
		this.ward = page.getByLabel('区', { exact: true });
		this.comment = page.getByLabel('コメント（任意）');
		this.map = page.getByRole('region', { name: '撮影した場所を選ぶ地図' });
		this.status = page.getByRole('status');
		this.pendingPhoto = page.getByRole('img', { name: '選んだ写真' });
	}

	/** Joins the campaign from its public page, then follows the link to the entry form. */
	static async joinAndOpen(page: Page, campaign: Campaign): Promise<EntryForm> {
		await page.goto(campaign.path);
		await page.getByRole('button', { name: 'このキャンペーンに参加する' }).click();
		await expect(page.getByText('参加しました。写真を送ってみましょう。')).toBeVisible();
		await page.getByRole('link', { name: '写真を投稿する' }).click();
		await expect(page.getByRole('heading', { name: '写真を送る', level: 1 })).toBeVisible();
		return new EntryForm(page);
	}

	async choosePhoto(file: PhotoFile): Promise<void> {
		await this.photo.setInputFiles(file);
	}

	async typePoint(point: { lat: string; lon: string }): Promise<void> {
		await this.latitude.fill(point.lat);
		await this.longitude.fill(point.lon);
	}

	/** Sends the form and waits for the server's answer (the page may then move on). */
	async send(): Promise<void> {
		const answered = this.page.waitForResponse(
			(response) =>
				response.request().method() === 'POST' &&
				new URL(response.url()).pathname.endsWith('/enter')
		);
		await this.page.getByRole('button', { name: '送信する' }).click();
		await answered;
	}

	/** The message the server put beside the location fields, read as their description. */
	async expectLocationRefused(message: string | RegExp): Promise<void> {
		await expect(this.location.getByText(message)).toBeVisible();
		await expect(this.latitude).toHaveAttribute('aria-invalid', 'true');
		await expect(this.latitude).toHaveAccessibleDescription(containing(message));
	}

	/** The message the server put beside the photo field, read as its description. */
	async expectPhotoRefused(message: string | RegExp): Promise<void> {
		await expect(this.photo).toHaveAttribute('aria-invalid', 'true');
		await expect(this.photo).toHaveAccessibleDescription(containing(message));
	}
}

/** The message of an entry outside a campaign over all six wards. */
export const OUTSIDE_ALL_WARDS = /この場所はキャンペーンの対象地域の外です。/;

/** After a successful entry: the campaign page, with the entry in the gallery and the points. */
export async function expectEntryPublished(
	page: Page,
	campaign: Campaign,
	entry: { nickname: string; photoName: string | RegExp }
): Promise<void> {
	await expect(page).toHaveURL(new RegExp(`${campaign.path}\\?sent=1$`));
	await expect(page.getByRole('heading', { name: campaign.title, level: 1 })).toBeVisible();

	const gallery = page.getByRole('region', { name: 'ギャラリー' });
	await expect(gallery.getByText(entry.nickname)).toBeVisible();
	const photo = gallery.getByRole('img', { name: entry.photoName });
	await photo.scrollIntoViewIfNeeded();
	// The thumbnail is served and decodes: the photo went all the way through the pipeline.
	await expect
		.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);

	const board = page.getByRole('complementary', { name: 'ランキング' });
	const myLine = board.getByRole('row', { name: new RegExp(entry.nickname) });
	await expect(myLine).toContainText(String(campaign.pointsPerEntry));
	await expect(board).toContainText(
		new RegExp(`あなたの順位:\\s*1位\\s*\\(${campaign.pointsPerEntry}\\s*ポイント\\)`)
	);
}
