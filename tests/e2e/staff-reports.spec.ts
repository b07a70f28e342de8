import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { REAL_PHOTOS } from './photos';
import { containing } from './text';

/** Streetlights in 若葉区: few other tests file these, and each test checks its own numbers. */
const CATEGORY = '街灯の不具合';
const WARD = '若葉区';

/** Files a report through /reports/new with a ward and an address (no map); returns its number. */
async function fileReport(page: Page, description: string): Promise<number> {
	await page.goto('/reports/new');
	await page.getByRole('radio', { name: new RegExp(`^${CATEGORY}`) }).check();
	await page.getByLabel('内容').fill(description);
	await page.getByLabel('区', { exact: true }).selectOption({ label: WARD });
	await page.getByLabel('住所・目印').fill('若葉区桜木北2丁目 公園の東側');
	await page.getByRole('button', { name: 'レポートを送る' }).click();
	await page.waitForURL(/\/reports\/\d+/);
	return Number(/\/reports\/(\d+)/.exec(page.url())![1]);
}

function row(page: Page, number: number) {
	return page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${number}` }) });
}

async function filterQueue(page: Page) {
	await page.getByLabel('分類').selectOption({ label: CATEGORY });
	await page.getByLabel('区', { exact: true }).selectOption({ label: WARD });
	await page.getByLabel('並び順').selectOption({ label: '新しい順' });
	await page.getByRole('button', { name: '絞り込む' }).click();
	await page.waitForURL(/category=streetlight/);
}

test('staff filter the queue, assign reports in bulk and work one through to its repair', async ({
	citizen,
	organiser: staff,
	realPhoto
}) => {
	const first = await fileReport(citizen.page, '街灯が一晩中消えています。');
	const second = await fileReport(citizen.page, '街灯が点いたり消えたりしています。');

	// The queue, reached from the header, filtered down to the new reports.
	await staff.goto('/');
	await staff.getByRole('link', { name: '職員' }).click();
	await expect(staff.getByRole('heading', { name: 'レポートの処理', level: 1 })).toBeVisible();
	await filterQueue(staff);
	for (const number of [first, second]) {
		await expect(row(staff, number)).toContainText('受付');
		await expect(row(staff, number)).toContainText(WARD);
	}

	// Both to the parks office at once.
	await staff.getByLabel(`レポート #${first} を選ぶ`).check();
	await staff.getByLabel(`レポート #${second} を選ぶ`).check();
	await staff.getByLabel('選んだレポートの担当課').selectOption({ label: '公園管理課' });
	await staff.getByRole('button', { name: '割り当てる' }).click();
	await expect(staff.getByText('2件のレポートの担当課を変えました。')).toBeVisible();
	await expect(row(staff, first)).toContainText('公園管理課');
	await expect(row(staff, second)).toContainText('公園管理課');

	// The work page of the first one.
	await row(staff, first)
		.getByRole('link', { name: `#${first}` })
		.click();
	await expect(
		staff.getByRole('heading', { name: `レポート #${first} の処理`, level: 1 })
	).toBeVisible();
	await expect(staff.getByText('街灯が一晩中消えています。')).toBeVisible();
	await expect(staff.getByText(citizen.nickname)).toBeVisible();

	// A status change needs a public note; then it goes through.
	const status = staff.getByRole('region', { name: '状態を変える' });
	await status.getByLabel('新しい状態').selectOption({ label: '対応中' });
	await status.getByRole('button', { name: '状態を変える' }).click();
	await expect(status.getByText(containing('公開のお知らせを書いてください。'))).toBeVisible();
	await status.getByLabel('公開のお知らせ').fill('担当者が現地を確認します。');
	await status.getByRole('button', { name: '状態を変える' }).click();
	await expect(status.getByText('状態を変えました。')).toBeVisible();
	const timeline = staff.getByRole('region', { name: '経過' });
	await expect(timeline.getByText('状態：対応中')).toBeVisible();

	// An internal note, marked as such on the timeline.
	const note = staff.getByRole('region', { name: 'メモを書く' });
	await note.getByLabel('メモ', { exact: true }).fill('電柱番号 若葉 123 の灯具。');
	await note.getByRole('button', { name: 'メモを追加する' }).click();
	await expect(note.getByText('メモを追加しました。')).toBeVisible();
	const internal = timeline.getByRole('listitem').filter({ hasText: '電柱番号 若葉 123 の灯具。' });
	await expect(internal).toContainText('内部メモ');

	// The repair record: a half-filled material row is refused beside it, then completed.
	const repair = staff.getByRole('region', { name: '補修の記録' });
	await repair.getByLabel('完了日').fill('2026-12-01');
	await repair.getByLabel('費用（円）').fill('18000');
	await repair.getByLabel('作業時間（人・時間）').fill('1.5');
	await repair.getByLabel('1行目の品目').fill('LED灯具');
	await repair.getByLabel('1行目の数量').fill('1');
	await repair.getByLabel('補修後の写真').setInputFiles(realPhoto(REAL_PHOTOS.coolpix));
	await repair.getByRole('button', { name: '補修の記録を保存する' }).click();
	await expect(repair.getByText(containing('単位を20文字以内で書いてください。'))).toBeVisible();
	await expect(repair.getByLabel('1行目の品目')).toHaveValue('LED灯具');
	await expect(repair.getByRole('img', { name: '選んだ写真' })).toBeVisible();
	await repair.getByLabel('1行目の単位').fill('台');
	await repair.getByRole('button', { name: '補修の記録を保存する' }).click();
	await expect(repair.getByText('補修の記録を保存しました。')).toBeVisible();
	await expect(timeline.getByText('補修の記録')).toBeVisible();
	await expect(staff.getByRole('img', { name: '補修後の写真' })).toBeVisible();

	// Resolved, with a public note.
	await status.getByLabel('新しい状態').selectOption({ label: '対応済み' });
	await status
		.getByLabel('公開のお知らせ')
		.fill('灯具を交換しました。ご連絡ありがとうございました。');
	await status.getByRole('button', { name: '状態を変える' }).click();
	await expect(status.getByText('状態を変えました。')).toBeVisible();
	await expect(timeline.getByText('状態：対応済み')).toBeVisible();

	// Finished reports leave the open queue.
	await staff.goto(`/staff/reports?category=streetlight&ward=12104&sort=newest`);
	await expect(row(staff, second)).toBeVisible();
	await expect(row(staff, first)).toHaveCount(0);
});

test('the staff pages turn citizens away and send visitors to sign in', async ({
	citizen,
	freshPage
}) => {
	const response = await citizen.page.goto('/staff/reports');
	expect(response?.status()).toBe(403);
	await expect(citizen.page.getByRole('link', { name: '職員' })).toHaveCount(0);

	const visitor = await freshPage();
	await visitor.goto('/en/staff/reports');
	await expect(visitor).toHaveURL(/\/signin\?next=/);
});

test('the status form starts at a move the report allows, and the repair record refuses what it cannot hold beside the field', async ({
	citizen,
	organiser: staff
}) => {
	const number = await fileReport(citizen.page, '街灯の支柱が傾いています。');
	await staff.goto(`/staff/reports/${number}`);
	const status = staff.getByRole('region', { name: '状態を変える' });
	await status.getByLabel('新しい状態').selectOption({ label: '対応中' });
	await status.getByLabel('公開のお知らせ').fill('現地を確認します。');
	await status.getByRole('button', { name: '状態を変える' }).click();
	await expect(status.getByText('状態を変えました。')).toBeVisible();

	// In progress now: the select shows the first move left, and sends what it shows.
	await expect(status.getByLabel('新しい状態')).toHaveValue('resolved');
	await status.getByLabel('公開のお知らせ').fill('支柱を直しました。');
	await status.getByRole('button', { name: '状態を変える' }).click();
	await expect(status.getByText('状態を変えました。')).toBeVisible();
	await expect(
		staff.getByRole('region', { name: '経過' }).getByText('状態：対応済み')
	).toBeVisible();

	// A quantity the record's numeric(12, 3) would overflow on: a sentence by its row, not a 500.
	const repair = staff.getByRole('region', { name: '補修の記録' });
	await repair.getByLabel('完了日').fill('2026-12-01');
	await repair.getByLabel('1行目の品目').fill('支柱');
	await repair.getByLabel('1行目の数量').fill('1e300');
	await repair.getByLabel('1行目の単位').fill('本');
	await repair.getByRole('button', { name: '補修の記録を保存する' }).click();
	await expect(
		repair.getByText(containing('数量は0.001以上、10億未満の数で入れてください。'))
	).toBeVisible();
	await expect(repair.getByLabel('1行目の品目')).toHaveValue('支柱');

	// Two photos that together pass the request limit: the typed record stays on the page.
	const large = (name: string) => ({
		name,
		mimeType: 'image/jpeg',
		buffer: Buffer.alloc(14 * 1024 * 1024, 1)
	});
	await repair.getByLabel('1行目の数量').fill('1');
	await repair.getByLabel('補修前の写真').setInputFiles(large('before.jpg'));
	await repair.getByLabel('補修後の写真').setInputFiles(large('after.jpg'));
	await repair.getByRole('button', { name: '補修の記録を保存する' }).click();
	await expect(
		repair.getByText('写真を合わせると大きすぎて送れませんでした。1枚ずつ選んで送ってください。')
	).toBeVisible();
	await expect(repair.getByLabel('完了日')).toHaveValue('2026-12-01');
	await expect(repair.getByLabel('1行目の品目')).toHaveValue('支柱');

	// The work page answers to the report's number in digits only.
	for (const odd of ['0x1', '1e0', '+1']) {
		expect((await staff.goto(`/staff/reports/${odd}`))?.status()).toBe(404);
	}
});

test('an unreadable form post to the notifications or the import page is a 400, not a 500', async ({
	organiser: staff
}) => {
	const unreadable = {
		headers: {
			'content-type': 'multipart/form-data; boundary=cut',
			origin: new URL(staff.url()).origin
		},
		data: '--cut\r\nContent-Disposition: form-data; name="file"'
	};
	for (const path of ['/notifications?/read', '/staff/imports']) {
		const response = await staff.request.post(path, unreadable);
		expect(response.status(), path).toBe(400);
	}
});
