import { expect, type Locator, type Page } from '@playwright/test';
import { CHIBA_STATION } from './entry-form';
import { tokyoLocal } from './organiser';
import { unique } from './people';

/** A fix as the organiser typed it on /organise/fixes/new. */
export interface Fix {
	id: string;
	title: string;
	/** The public page, in Japanese. */
	path: string;
	points: number;
}

/** An activity as the organiser typed it on /organise/events/new. */
export interface VolunteerEvent {
	id: string;
	title: string;
	path: string;
	startsAt: Date;
}

/** Accepts the volunteer terms on /volunteer (Japanese), choosing the wards given. */
export async function becomeVolunteer(page: Page, wards: readonly string[] = []): Promise<void> {
	await page.goto('/volunteer');
	const area = page.getByRole('group', { name: '活動したい区（任意）' });
	for (const ward of wards) await area.getByRole('checkbox', { name: ward }).check();
	await page.getByRole('checkbox', { name: 'ボランティア規約を読み、同意します' }).check();
	await page.getByRole('button', { name: 'ボランティアになる' }).click();

	await expect(
		page.getByText('ボランティア規約に同意しました。ありがとうございます。')
	).toBeVisible();
}

/**
 * Has the organiser create a fix at Chiba Station (中央区) by typing its coordinates, as a
 * keyboard user would; returns it from the page the form leads to.
 */
export async function createFix(
	organiser: Page,
	options: {
		title?: string;
		difficulty?: 'やさしい' | 'ふつう' | 'むずかしい';
		points?: number;
	} = {}
): Promise<Fix> {
	const title = options.title ?? unique('E2E 排水溝の落ち葉 ');
	const points = options.points ?? 30;

	await organiser.goto('/organise/fixes');
	await organiser.getByRole('link', { name: '作業を登録する' }).click();
	await expect(organiser.getByRole('heading', { name: '作業を登録する', level: 1 })).toBeVisible();

	await organiser.getByLabel('題名').fill(title);
	await organiser.getByLabel('作業の内容').fill('排水溝のふたの上の落ち葉を取り除いてください。');
	await organiser.getByLabel('緯度').fill(CHIBA_STATION.lat);
	await organiser.getByLabel('経度').fill(CHIBA_STATION.lon);
	await organiser.getByLabel('住所や目印（任意）').fill('千葉駅東口のバス停前');
	await organiser.getByLabel('難しさ').selectOption({ label: options.difficulty ?? 'やさしい' });
	await organiser.getByLabel('必要な道具').fill('軍手、ごみ袋');
	await organiser.getByLabel('ポイント', { exact: true }).fill(String(points));
	await organiser.getByRole('button', { name: '作業を登録する' }).click();

	await expect(organiser.getByText('作業を登録しました。')).toBeVisible();
	await expect(organiser.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	const id = new URL(organiser.url()).pathname.split('/').at(-1) ?? '';
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	return { id, title, path: `/fixes/${id}`, points };
}

/** Posts an activity through /organise/events/new; it ends two hours after it starts. */
export async function createEvent(
	organiser: Page,
	options: { startsAt: Date; capacity: number; points?: number }
): Promise<VolunteerEvent> {
	const title = unique('E2E 海岸のごみ拾い ');

	await organiser.goto('/events');
	await organiser.getByRole('link', { name: '活動を登録する' }).click();
	await expect(organiser.getByRole('heading', { name: '活動を登録する', level: 1 })).toBeVisible();

	await organiser.getByLabel('活動の名前').fill(title);
	await organiser.getByLabel('説明（任意）').fill('稲毛海浜公園の砂浜をみんなできれいにします。');
	await organiser.getByLabel('開始（日本時間）').fill(tokyoLocal(options.startsAt));
	await organiser
		.getByLabel('終了（日本時間）')
		.fill(tokyoLocal(new Date(options.startsAt.getTime() + 2 * 60 * 60 * 1000)));
	await organiser.getByLabel('集合場所').fill('稲毛海浜公園 花の美術館前');
	await organiser.getByLabel('持ち物').fill('軍手、飲み物');
	await organiser.getByLabel('定員（人）').fill(String(options.capacity));
	await organiser.getByLabel('ポイント').fill(String(options.points ?? 20));
	await organiser.getByRole('button', { name: '活動を登録する' }).click();

	await expect(organiser.getByText('活動を登録しました。')).toBeVisible();
	const id = new URL(organiser.url()).pathname.split('/').at(-1) ?? '';
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	return { id, title, path: `/events/${id}`, startsAt: options.startsAt };
}

/** One figure of the "あなたの活動" card on /volunteer (完了した作業, ポイント合計, …). */
export function volunteerFigure(page: Page, name: string): Locator {
	return page
		.getByRole('region', { name: 'あなたの活動' })
		.locator('div')
		.filter({ has: page.getByRole('term').getByText(name, { exact: true }) })
		.getByRole('definition');
}

/** Reads one figure of /volunteer as a number. */
export async function readVolunteerFigure(page: Page, name: string): Promise<number> {
	await page.goto('/volunteer');
	return Number(await volunteerFigure(page, name).textContent());
}
