import { expect, type Page } from '@playwright/test';
import { unique } from './people';

/** Chiba City's six wards as the Japanese forms list them. */
export const WARDS = ['中央区', '花見川区', '稲毛区', '若葉区', '緑区', '美浜区'] as const;
export type Ward = (typeof WARDS)[number];

export interface CampaignOptions {
	title?: string;
	description?: string;
	wards?: readonly Ward[];
	pointsPerEntry?: number;
	moderation?: 'auto' | 'moderated';
	startsAt?: Date;
	endsAt?: Date;
}

export interface Campaign {
	id: string;
	title: string;
	/** The public page, in Japanese. */
	path: string;
	wards: readonly Ward[];
	pointsPerEntry: number;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A `datetime-local` value in Japan time (UTC+9 all year, no summer time). */
export function tokyoLocal(date: Date): string {
	return new Date(date.getTime() + 9 * HOUR).toISOString().slice(0, 16);
}

/**
 * Creates and publishes a photo hunt through /organise/campaigns/new. By default it is open now
 * (started an hour ago, ends in a week) over all six wards, approving entries at once.
 */
export async function createCampaign(page: Page, options: CampaignOptions = {}): Promise<Campaign> {
	const now = Date.now();
	const title = options.title ?? unique('E2E フォトハント ');
	const wards = options.wards ?? WARDS;
	const pointsPerEntry = options.pointsPerEntry ?? 10;

	await page.goto('/organise');
	await page.getByRole('link', { name: '新しいキャンペーンを作成' }).click();
	await expect(page.getByRole('heading', { name: '新しいキャンペーン' })).toBeVisible();

	await page.getByLabel('タイトル').fill(title);
	await page.getByLabel('説明').fill(options.description ?? '街で見つけたチームカラーを撮ろう。');
	await page.getByLabel('開始日時').fill(tokyoLocal(options.startsAt ?? new Date(now - HOUR)));
	await page.getByLabel('終了日時').fill(tokyoLocal(options.endsAt ?? new Date(now + 7 * DAY)));
	await page.getByLabel('1件あたりのポイント').fill(String(pointsPerEntry));
	const moderation = options.moderation === 'moderated' ? '運営が承認してから' : '自動承認';
	await page.getByRole('radio', { name: moderation }).check();
	const area = page.getByRole('group', { name: '対象の区' });
	for (const ward of wards) await area.getByRole('checkbox', { name: ward }).check();
	await page.getByRole('checkbox', { name: 'すぐに公開する' }).check();
	await page.getByRole('button', { name: 'キャンペーンを作成' }).click();

	await expect(page.getByText('キャンペーンを作成しました。')).toBeVisible();
	const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	return { id, title, path: `/campaigns/${id}`, wards, pointsPerEntry };
}

/** Closes an open campaign early from its organiser page, confirming when asked. */
export async function closeCampaign(page: Page, campaign: Campaign): Promise<void> {
	await page.goto(`/organise/campaigns/${campaign.id}`);
	await page.getByRole('link', { name: '期間前に終了する' }).click();
	const confirm = page.getByRole('group', { name: `「${campaign.title}」を今すぐ終了しますか？` });
	await confirm.getByRole('button', { name: '終了する' }).click();

	await expect(page.getByText('キャンペーンを終了しました。')).toBeVisible();
}
