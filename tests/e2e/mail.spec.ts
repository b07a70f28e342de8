import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pointInChuo, ReportForm } from './report-form';

/** Screenshots go beside the test results, for a person to look at. */
const SHOTS = process.env.E2E_SHOTS ?? 'test-results/shots';
const KIND = 'フォローしているレポートの状態の変化';

async function fileRoadReport(page: Page, description: string): Promise<number> {
	const form = await ReportForm.open(page);
	await form.category('道路の損傷').check();
	await form.description.fill(description);
	await form.typePoint(pointInChuo());
	await form.send();
	return form.expectCreated();
}

/** The mail in the dev outbox to `email` whose subject names the report; waits for the sender. */
async function outboxMail(admin: Page, email: string, number: number) {
	const mail = admin
		.getByRole('article')
		.filter({ hasText: email })
		.filter({ has: admin.getByRole('heading', { name: `レポート #${number} が` }) });
	await expect(async () => {
		await admin.goto('/admin/outbox');
		await expect(mail).toHaveCount(1, { timeout: 1000 });
	}).toPass({ timeout: 30_000 });
	return mail;
}

test('a status change by staff is mailed to the reporter, and the unsubscribe link in it stops that kind of mail', async ({
	citizen,
	organiser: staff,
	freshPage,
	playwright,
	baseURL
}) => {
	const number = await fileRoadReport(citizen.page, '車道の白線が消えかけています。');

	const work = await staff.goto(`/staff/reports/${number}`);
	expect(work?.status()).toBe(200);
	const status = staff.getByRole('region', { name: '状態を変える' });
	await status.getByLabel('新しい状態').selectOption({ label: '対応中' });
	await status.getByLabel('公開のお知らせ').fill('道路維持の担当者が現地を確認します。');
	await status.getByRole('button', { name: '状態を変える' }).click();
	await expect(status.getByText('状態を変えました。')).toBeVisible();

	// Without SMTP_URL the mail waits in the dev outbox, which the demo admin reads.
	const mail = await outboxMail(staff, citizen.email, number);
	await expect(mail.getByRole('heading')).toHaveText(
		`【まちクエスト】レポート #${number} が「対応中」になりました`
	);
	await expect(mail).toContainText(`${citizen.nickname} さん`);
	await expect(mail).toContainText('道路維持の担当者が現地を確認します。');
	await expect(mail).toContainText('保管（未送信）');
	await expect(mail).toContainText('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
	await expect(mail.getByRole('link', { name: new RegExp(`/reports/${number}$`) })).toBeVisible();
	await staff.screenshot({ path: `${SHOTS}/mail-outbox-ja.png`, fullPage: false });
	const header = /List-Unsubscribe: <(http[^>]+)>/.exec((await mail.textContent()) ?? '')![1];
	const unsubscribe = mail.getByRole('link', { name: /\/unsubscribe\?token=/ });
	const href = await unsubscribe.getAttribute('href');
	expect(href).toMatch(/^http:\/\/localhost:\d+\/unsubscribe\?token=[\w.-]+$/);

	// Anyone may follow the link, signed in or not: it unsubscribes at once and says so.
	const visitor = await freshPage();
	await visitor.goto(new URL(href!).pathname + new URL(href!).search);
	await expect(visitor.getByRole('status')).toHaveText(
		`「${KIND}」のメールを停止しました。アプリ内のお知らせは、これからも届きます。`
	);
	await visitor.screenshot({ path: `${SHOTS}/mail-unsubscribe-ja.png` });

	await citizen.page.goto('/account');
	const settings = citizen.page.getByRole('region', { name: 'メールでのお知らせ' });
	await expect(settings.getByRole('checkbox', { name: KIND })).not.toBeChecked();
	await expect(settings.getByRole('checkbox', { name: '獲得したバッジ' })).toBeChecked();
	await settings.screenshot({ path: `${SHOTS}/mail-settings-ja.png` });

	// The same link offers to undo it; the account page then shows the box ticked again.
	await visitor.getByRole('button', { name: 'このメールをまた受け取る' }).click();
	await expect(visitor.getByRole('status')).toHaveText(`「${KIND}」のメールをまたお送りします。`);
	// That answer is a page of its own: reloading it neither fails nor unsubscribes again.
	await visitor.reload();
	await expect(visitor.getByRole('status')).toHaveText(`「${KIND}」のメールをまたお送りします。`);
	await citizen.page.reload();
	await expect(settings.getByRole('checkbox', { name: KIND })).toBeChecked();

	// The account form switches a kind off and keeps it so.
	await settings.getByRole('checkbox', { name: KIND }).uncheck();
	await settings.getByRole('button', { name: 'メールの設定を更新する' }).click();
	await expect(settings.getByRole('status')).toHaveText('メールの設定を保存しました。');
	await citizen.page.reload();
	await expect(settings.getByRole('checkbox', { name: KIND })).not.toBeChecked();

	// Ticked again, then the mail provider's one-click post of the List-Unsubscribe header.
	await settings.getByRole('checkbox', { name: KIND }).check();
	await settings.getByRole('button', { name: 'メールの設定を更新する' }).click();
	await expect(settings.getByRole('status')).toHaveText('メールの設定を保存しました。');
	const provider = await playwright.request.newContext({ baseURL });
	const url = new URL(header);
	const oneClick = await provider.post(url.pathname + url.search, {
		multipart: { 'List-Unsubscribe': 'One-Click' }
	});
	expect(oneClick.status()).toBe(200);
	await provider.dispose();
	await citizen.page.reload();
	await expect(settings.getByRole('checkbox', { name: KIND })).not.toBeChecked();

	// A page past the last one (an old link) shows the last page, not "no mail yet".
	await staff.goto('/admin/outbox?page=99999');
	await expect(staff).toHaveURL(/\/admin\/outbox(\?page=\d+)?$/);
	await expect(staff.getByRole('article').first()).toBeVisible();
});

test('one-click unsubscribe (RFC 8058) takes a post from another site; other form posts from elsewhere are refused', async ({
	citizen,
	playwright,
	baseURL
}) => {
	// A mail provider's server posts without an Origin header or cookies.
	const provider = await playwright.request.newContext({ baseURL });
	const account = await citizen.page.goto('/account');
	expect(account?.status()).toBe(200);

	const forged = await provider.post('/api/unsubscribe?token=not-a-token', {
		form: { 'List-Unsubscribe': 'One-Click' }
	});
	expect(forged.status()).toBe(400);

	const elsewhere = await provider.post('/account?/mail', {
		form: { report_status: 'on' },
		headers: { origin: 'https://evil.example' }
	});
	expect(elsewhere.status()).toBe(403);
	await provider.dispose();
});
