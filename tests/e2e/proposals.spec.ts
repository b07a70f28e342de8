import { expect, test } from './fixtures';
import { newResident, registerThroughForm, unique } from './people';

test.describe('theme proposals', () => {
	test('a resident proposes a theme, another votes for it and the organiser turns it into a draft campaign', async ({
		citizen,
		organiser,
		freshPage
	}) => {
		// A visitor who wants to propose is sent to sign in first, and back afterwards.
		const visitor = await freshPage();
		await visitor.goto('/proposals/new');
		await expect(visitor).toHaveURL(/\/signin\?next=%2Fproposals%2Fnew$/);

		const page = citizen.page;
		const title = unique('夜の街路灯チェック ');
		const description = '帰り道の街路灯が消えていないか、みんなで確かめたいです。';

		// A mistake first: the title is too short. The error sits beside it; what was typed stays.
		await page.goto('/proposals');
		await page.getByRole('link', { name: 'テーマを提案する' }).click();
		await page.getByLabel('タイトル').fill('街');
		await page.getByLabel('説明').fill(description);
		await page.getByRole('radio', { name: 'フォトハント' }).check();
		const wards = page.getByRole('group', { name: '対象の区' });
		await wards.getByRole('checkbox', { name: '中央区' }).check();
		await wards.getByRole('checkbox', { name: '美浜区' }).check();
		await page.getByLabel('開始日').fill('2027-06-01');
		await page.getByLabel('終了日').fill('2027-06-15');
		await page.getByRole('button', { name: '提案する' }).click();

		await expect(page.getByText('タイトルは3〜120文字で入力してください。')).toBeVisible();
		await expect(page.getByLabel('タイトル')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('説明')).toHaveValue(description);
		await expect(wards.getByRole('checkbox', { name: '美浜区' })).toBeChecked();
		await expect(page.getByLabel('終了日')).toHaveValue('2027-06-15');

		await page.getByLabel('タイトル').fill(title);
		await page.getByRole('button', { name: '提案する' }).click();
		await expect(page.getByRole('heading', { name: title })).toBeVisible();
		await expect(page.getByText('提案を受け付けました。')).toBeVisible();
		await expect(page.getByText('ご自身の提案には投票できません。')).toBeVisible();
		const proposalPath = new URL(page.url()).pathname;

		// Another resident votes for it.
		const neighbour = await registerThroughForm(await freshPage(), newResident('美浜区'));
		await neighbour.page.goto(proposalPath);
		await neighbour.page.getByRole('button', { name: `投票する: ${title}` }).click();
		await expect(neighbour.page.getByText('投票しました。')).toBeVisible();
		await expect(neighbour.page.getByText('1票')).toBeVisible();
		await expect(neighbour.page.getByText('投票済み')).toBeVisible();

		// The organiser accepts it and lands on the new draft, prefilled from the proposal.
		await organiser.goto('/organise/proposals');
		const card = organiser.getByRole('listitem').filter({
			has: organiser.getByRole('heading', { name: title })
		});
		await expect(card.getByText('1票')).toBeVisible();
		await card.getByRole('button', { name: '採用して下書きを作る' }).click();

		await expect(organiser).toHaveURL(/\/organise\/campaigns\/[0-9a-f-]{36}/);
		await expect(organiser.getByRole('heading', { name: title })).toBeVisible();
		const campaignPath = new URL(organiser.url()).pathname.replace('/organise', '');
		await organiser.goto(campaignPath);
		await expect(organiser.getByText('下書き').first()).toBeVisible();
		await expect(organiser.getByText(description)).toBeVisible();
		await expect(
			organiser.getByText(`${citizen.nickname}さんの提案から生まれたキャンペーンです。`)
		).toBeVisible();

		// The proposal now says so, and takes no more votes.
		await neighbour.page.goto(proposalPath);
		await expect(neighbour.page.getByText('採用', { exact: true })).toBeVisible();
		await expect(neighbour.page.getByRole('button', { name: /投票/ })).toHaveCount(0);
	});
});

test.describe('theme proposals without JavaScript', () => {
	test('a resident whose browser runs no scripts votes for a proposal with a plain form', async ({
		citizen,
		browser,
		baseURL
	}) => {
		const title = unique('公園のベンチ点検 ');
		const page = citizen.page;
		await page.goto('/proposals/new');
		await page.getByLabel('タイトル').fill(title);
		await page.getByLabel('説明').fill('座れないベンチがないか、みんなで見て回りたいです。');
		await page.getByRole('radio', { name: 'フォトハント' }).check();
		await page
			.getByRole('group', { name: '対象の区' })
			.getByRole('checkbox', { name: '稲毛区' })
			.check();
		await page.getByLabel('開始日').fill('2027-07-01');
		await page.getByLabel('終了日').fill('2027-07-10');
		await page.getByRole('button', { name: '提案する' }).click();
		await expect(page.getByText('提案を受け付けました。')).toBeVisible();
		const proposalPath = new URL(page.url()).pathname;

		const context = await browser.newContext({
			baseURL,
			locale: 'ja-JP',
			timezoneId: 'Asia/Tokyo',
			javaScriptEnabled: false
		});
		try {
			const voter = await registerThroughForm(await context.newPage(), newResident('稲毛区'));
			await voter.page.goto(proposalPath);
			await voter.page.getByRole('button', { name: `投票する: ${title}` }).click();
			await expect(voter.page.getByText('投票しました。')).toBeVisible();
			await expect(voter.page.getByText('1票')).toBeVisible();
			await expect(voter.page.getByText('投票済み')).toBeVisible();
		} finally {
			await context.close();
		}
	});
});
