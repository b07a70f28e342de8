import { expect, type Locator, type Page } from '@playwright/test';
import { containing } from './text';
import type { PhotoFile } from './entry-form';

/**
 * A point near Chiba Station, moved by up to about 400 m at random, so that the reports one test
 * files are never "nearby" those of another (open reports nearby are offered within 50 m).
 */
export function pointInChuo(): { lat: string; lon: string } {
	const jitter = () => (Math.random() - 0.5) * 0.008;
	return { lat: (35.6074 + jitter()).toFixed(6), lon: (140.1065 + jitter()).toFixed(6) };
}

const SEND_ANYWAY = '別の困りごとなので送る';

/** The report form (/reports/new) in Japanese, as a resident or a member of staff sees it. */
export class ReportForm {
	readonly description: Locator;
	readonly photos: Locator;
	readonly location: Locator;
	readonly latitude: Locator;
	readonly longitude: Locator;
	readonly ward: Locator;
	readonly address: Locator;
	readonly map: Locator;
	readonly status: Locator;
	readonly nearby: Locator;

	constructor(readonly page: Page) {
		this.description = page.getByLabel('内容', { exact: true });
		this.photos = page.getByLabel(/^写真を追加する/);
		this.location = page.getByRole('group', { name: '場所', exact: true });
		this.latitude = page.getByLabel('緯度');
		this.longitude = page.getByLabel('経度');
		this.ward = page.getByLabel('区', { exact: true });
		this.address = page.getByLabel('住所・目印');
		this.map = page.getByRole('region', { name: '困りごとの場所を選ぶ地図' });
		this.status = page.getByRole('status');
		this.nearby = page.getByRole('region', { name: '近くに同じ種類のレポートがあります' });
	}

	static async open(page: Page, query = ''): Promise<ReportForm> {
		await page.goto(`/reports/new${query}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'まちの困りごとをレポートする'
		);
		return new ReportForm(page);
	}

	category(name: string): Locator {
		return this.page.getByRole('radio', { name: new RegExp(`^${name}`) });
	}

	keptPhotos(): Locator {
		return this.page.getByRole('img', { name: /^\d枚目の写真$/ });
	}

	async typePoint(point: { lat: string; lon: string }): Promise<void> {
		await this.latitude.fill(point.lat);
		await this.longitude.fill(point.lon);
	}

	async choosePhotos(...files: PhotoFile[]): Promise<void> {
		await this.photos.setInputFiles(files as string[]);
	}

	private lastPressed: string | RegExp = '';

	/** Presses a button of the form and waits for the server's answer. */
	async press(name: string | RegExp): Promise<void> {
		this.lastPressed = name;
		const answered = this.page.waitForResponse(
			(response) =>
				response.request().method() === 'POST' &&
				new URL(response.url()).pathname.endsWith('/reports/new')
		);
		await this.page.getByRole('button', { name }).first().click();
		await answered;
	}

	send(): Promise<void> {
		return this.press('レポートを送る');
	}

	/** The message beside the location fields, read as their description. */
	async expectLocationRefused(message: string | RegExp): Promise<void> {
		await expect(this.location.getByText(message)).toBeVisible();
		await expect(this.latitude).toHaveAttribute('aria-invalid', 'true');
		await expect(this.latitude).toHaveAccessibleDescription(containing(message));
	}

	/**
	 * Waits for the new report's page and returns its number. Tests file at random points, so
	 * one can fall within 50 m of another test's open report of the same category; the form then
	 * offers that report first, and this one, a different problem, is sent anyway.
	 */
	async expectCreated(): Promise<number> {
		const created = /\/reports\/\d+\?created=1$/;
		if (this.lastPressed !== SEND_ANYWAY) {
			const outcome = await Promise.race([
				this.page.waitForURL(created).then(() => 'created' as const),
				this.nearby.waitFor({ state: 'visible' }).then(() => 'nearby' as const)
			]).catch(() => 'neither' as const);
			if (outcome === 'nearby' && !created.test(this.page.url())) await this.press(SEND_ANYWAY);
		}
		await this.page.waitForURL(created);
		return Number(/\/reports\/(\d+)/.exec(this.page.url())![1]);
	}
}
