import { expect, test } from './fixtures';
import { newResident, registerThroughForm } from './people';
import { jpegWithGps } from './photos';
import { containing } from './text';
import {
	becomeVolunteer,
	createEvent,
	createFix,
	readVolunteerFigure,
	volunteerFigure
} from './volunteering';

const CHIBA = { lat: 35.6074, lon: 140.1065 };

test.describe('volunteer terms', () => {
	test('a resident must tick the terms before becoming a volunteer, then changes wards without ticking again', async ({
		citizen
	}) => {
		const page = citizen.page;
		await page.goto('/volunteer');
		await expect(page.getByRole('heading', { name: 'ボランティア規約' })).toBeVisible();
		const area = page.getByRole('group', { name: '活動したい区（任意）' });
		await area.getByRole('checkbox', { name: '美浜区' }).check();
		await page.getByRole('button', { name: 'ボランティアになる' }).click();

		const accept = page.getByRole('checkbox', { name: 'ボランティア規約を読み、同意します' });
		await expect(accept).toHaveAttribute('aria-invalid', 'true');
		await expect(accept).toHaveAccessibleDescription(
			containing('ボランティア規約に同意してください。')
		);
		await expect(area.getByRole('checkbox', { name: '美浜区' })).toBeChecked();

		await accept.check();
		await page.getByRole('button', { name: 'ボランティアになる' }).click();
		await expect(
			page.getByText('ボランティア規約に同意しました。ありがとうございます。')
		).toBeVisible();
		await expect(page.getByRole('region', { name: 'あなたの活動' })).toBeVisible();

		await page.reload();
		await expect(area.getByRole('checkbox', { name: '美浜区' })).toBeChecked();
		await expect(area.getByRole('checkbox', { name: '中央区' })).not.toBeChecked();
		await expect(accept).toBeChecked();

		await area.getByRole('checkbox', { name: '美浜区' }).uncheck();
		await area.getByRole('checkbox', { name: '中央区' }).check();
		await page.getByRole('button', { name: '区を保存する' }).click();
		await expect(page.getByText('活動したい区を保存しました。')).toBeVisible();
		await page.reload();
		await expect(area.getByRole('checkbox', { name: '中央区' })).toBeChecked();
		await expect(area.getByRole('checkbox', { name: '美浜区' })).not.toBeChecked();
	});
});

test.describe('a small fix', () => {
	test('is claimed by one volunteer, refused to a second, completed with an after photo and approved for points', async ({
		citizen: volunteer,
		organiser,
		freshPage
	}) => {
		test.setTimeout(120_000);
		const fix = await createFix(organiser, { difficulty: 'ふつう', points: 40 });
		await becomeVolunteer(volunteer.page, ['中央区']);
		const pointsBefore = await readVolunteerFigure(volunteer.page, 'ポイント合計');

		// The volunteer finds it in the list, filtered by ward and difficulty.
		const page = volunteer.page;
		await page.goto('/fixes');
		await page.getByLabel('区', { exact: true }).selectOption({ label: '中央区' });
		await page.getByLabel('難しさ').selectOption({ label: 'ふつう' });
		await page.getByRole('button', { name: '絞り込む' }).click();
		await expect(page).toHaveURL(/difficulty=medium/);
		const item = page.getByRole('listitem').filter({ hasText: fix.title });
		await expect(item).toContainText('引き受けられます');
		await expect(item).toContainText('40 ポイント');

		// The other difficulty does not list it.
		await page.getByLabel('難しさ').selectOption({ label: 'やさしい' });
		await page.getByRole('button', { name: '絞り込む' }).click();
		await expect(page).toHaveURL(/difficulty=easy/);
		await expect(page.getByRole('link', { name: fix.title })).toHaveCount(0);

		// A second volunteer opens the fix while it is still free.
		const second = await registerThroughForm(await freshPage(), newResident('稲毛区'));
		await becomeVolunteer(second.page);
		await second.page.goto(fix.path);
		await expect(second.page.getByRole('button', { name: 'この作業を引き受ける' })).toBeVisible();

		await page.goto(fix.path);
		await page.getByRole('button', { name: 'この作業を引き受ける' }).click();
		await expect(page.getByText(containing('作業を引き受けました。'))).toBeVisible();
		await expect(page.getByRole('heading', { name: '完了の報告' })).toBeVisible();

		// The second one, on a page from before the claim, is told plainly and sees who holds it.
		await second.page.getByRole('button', { name: 'この作業を引き受ける' }).click();
		await expect(second.page.getByRole('alert')).toHaveText(
			'この作業はほかの人がすでに引き受けています。'
		);
		await expect(
			second.page.getByText(`${volunteer.nickname}さんが引き受けています`)
		).toBeVisible();
		await expect(second.page.getByRole('button', { name: 'この作業を引き受ける' })).toHaveCount(0);
		await second.page.goto('/fixes');
		await expect(second.page.getByRole('listitem').filter({ hasText: fix.title })).toContainText(
			'ほかの人が引き受けています'
		);

		// Without a photo the proof is refused beside the photo field; what was typed stays.
		await page.getByLabel('かかった時間（分）').fill('25');
		await page.getByLabel('ひとこと（任意）').fill('ごみ袋ふたつ分の落ち葉を集めました。');
		await page.getByRole('button', { name: '完了を報告する' }).click();
		const photo = page.getByLabel('作業のあとの写真');
		await expect(photo).toHaveAttribute('aria-invalid', 'true');
		await expect(photo).toHaveAccessibleDescription(
			containing('作業のあとの写真を選んでください。')
		);
		await expect(page.getByLabel('ひとこと（任意）')).toHaveValue(
			'ごみ袋ふたつ分の落ち葉を集めました。'
		);
		await expect(page.getByLabel('かかった時間（分）')).toHaveValue('25');

		await photo.setInputFiles(await jpegWithGps(CHIBA));
		await page.getByRole('button', { name: '完了を報告する' }).click();
		await expect(page).toHaveURL(/\?sent=1$/);
		await expect(page.getByRole('status')).toHaveText(
			'完了の報告を送りました。確認をお待ちください。'
		);

		// The organiser must give a reason to send it back, then approves it.
		await organiser.goto('/organise/fixes');
		const proof = organiser.getByRole('article', { name: fix.title });
		await expect(proof).toContainText(volunteer.nickname);
		await expect(proof).toContainText('25 分');
		await expect(proof).toContainText('ごみ袋ふたつ分の落ち葉を集めました。');
		const afterPhoto = proof.getByRole('img', { name: `「${fix.title}」の作業のあとの写真` });
		await expect
			.poll(() => afterPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth))
			.toBeGreaterThan(0);
		await proof.getByRole('button', { name: 'ボランティアに戻す' }).click();
		await expect(proof.getByRole('alert')).toHaveText('戻す理由を入力してください。');
		await proof.getByRole('button', { name: '承認する' }).click();
		await expect(organiser.getByText('承認しました。ポイントが付きました。')).toBeVisible();
		await expect(organiser.getByRole('article', { name: fix.title })).toHaveCount(0);

		// The volunteer has the points and the fix; the fix shows done and leaves the list.
		await page.goto(fix.path);
		await expect(page.getByText('この作業は完了しました。ありがとうございました。')).toBeVisible();
		await page.goto('/volunteer');
		await expect(volunteerFigure(page, '完了した作業')).toHaveText('1');
		await expect(volunteerFigure(page, 'ポイント合計')).toHaveText(String(pointsBefore + 40));
		await page.goto('/fixes');
		await expect(page.getByRole('link', { name: fix.title })).toHaveCount(0);
	});

	test('a volunteer who releases a fix frees it for others, and a returned fix shows the reason', async ({
		citizen: volunteer,
		organiser
	}) => {
		const fix = await createFix(organiser);
		await becomeVolunteer(volunteer.page);
		const page = volunteer.page;

		await page.goto(fix.path);
		await page.getByRole('button', { name: 'この作業を引き受ける' }).click();
		await page.getByRole('button', { name: /期限を 72 時間延ばす/ }).click();
		await expect(page.getByText('期限を延ばしました。')).toBeVisible();
		await expect(page.getByRole('button', { name: /期限を 72 時間延ばす/ })).toHaveCount(0);

		await page.getByLabel('かかった時間（分）').fill('10');
		await page.getByLabel('作業のあとの写真').setInputFiles(await jpegWithGps(CHIBA));
		await page.getByRole('button', { name: '完了を報告する' }).click();
		await expect(page).toHaveURL(/\?sent=1$/);

		await organiser.goto('/organise/fixes');
		const proof = organiser.getByRole('article', { name: fix.title });
		await proof.getByLabel('理由（戻す・募集し直すときは必須）').fill('落ち葉がまだ残っています。');
		await proof.getByRole('button', { name: 'ボランティアに戻す' }).click();
		await expect(organiser.getByText('ボランティアに戻しました。')).toBeVisible();

		await page.goto(fix.path);
		await expect(page.getByText(containing('落ち葉がまだ残っています。'))).toBeVisible();
		await page.getByRole('button', { name: '引き受けを取り消す' }).click();
		await expect(page.getByText(containing('引き受けを取り消しました。'))).toBeVisible();
		await expect(page.getByRole('button', { name: 'この作業を引き受ける' })).toBeVisible();
	});
});

test.describe('the organiser’s fix form', () => {
	test('shows every missing field at once, the place included, and keeps what was typed', async ({
		organiser
	}) => {
		await organiser.goto('/organise/fixes/new');
		await organiser.getByLabel('題名').fill('ベンチの落書き消し');
		await organiser.getByRole('button', { name: '作業を登録する' }).click();

		await expect(organiser.getByLabel('作業の内容')).toHaveAccessibleDescription(
			containing('作業の内容を 1〜2000 文字で入力してください。')
		);
		await expect(organiser.getByLabel('緯度')).toHaveAccessibleDescription(
			containing('場所を地図で選ぶか、緯度と経度を入力してください。')
		);
		await expect(organiser.getByLabel('題名')).toHaveValue('ベンチの落書き消し');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a volunteer claims a fix and sends the proof with plain forms', async ({
		page,
		organiser
	}) => {
		const fix = await createFix(organiser);
		await registerThroughForm(page, newResident());
		await becomeVolunteer(page);

		await page.goto('/fixes');
		await page.getByRole('link', { name: fix.title }).click();
		await page.getByRole('button', { name: 'この作業を引き受ける' }).click();
		await expect(page.getByText(containing('作業を引き受けました。'))).toBeVisible();

		await page.getByLabel('かかった時間（分）').fill('15');
		await page.getByLabel('ひとこと（任意）').fill('ほうきで掃きました。');
		await page.getByRole('button', { name: '完了を報告する' }).click();
		await expect(page.getByLabel('作業のあとの写真')).toHaveAccessibleDescription(
			containing('作業のあとの写真を選んでください。')
		);
		await expect(page.getByLabel('ひとこと（任意）')).toHaveValue('ほうきで掃きました。');

		await page.getByLabel('作業のあとの写真').setInputFiles(await jpegWithGps(CHIBA));
		await page.getByRole('button', { name: '完了を報告する' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'完了の報告を送りました。確認をお待ちください。'
		);
	});
});

/**
 * A start a little over half a minute away, on a whole minute (the form takes minutes): long
 * enough to sign up, short enough to wait for before recording attendance.
 */
function startSoon(): Date {
	const minute = 60_000;
	return new Date(Math.ceil((Date.now() + 40_000) / minute) * minute);
}

test.describe('a group activity', () => {
	test('with one place, the second volunteer waits, moves up when the first cancels, and has their attendance recorded', async ({
		citizen: first,
		organiser,
		freshPage
	}) => {
		test.setTimeout(180_000);
		const second = await registerThroughForm(await freshPage(), newResident('美浜区'));
		await becomeVolunteer(first.page);
		await becomeVolunteer(second.page);

		const event = await createEvent(organiser, { startsAt: startSoon(), capacity: 1, points: 20 });

		await first.page.goto('/events');
		const listed = first.page.getByRole('listitem').filter({ hasText: event.title });
		await expect(listed).toContainText('残り 1 人');
		await listed.getByRole('link', { name: event.title }).click();
		await first.page.getByRole('button', { name: '参加を申し込む' }).click();
		await expect(first.page.getByRole('status')).toHaveText('参加が決まっています。');

		await second.page.goto(event.path);
		await expect(second.page.getByText('満員')).toBeVisible();
		await second.page.getByRole('button', { name: 'キャンセル待ちに申し込む' }).click();
		await expect(second.page.getByRole('status')).toContainText('キャンセル待ちの 1 番目です。');
		await expect(second.page.getByRole('button', { name: 'キャンセル待ちをやめる' })).toBeVisible();

		await first.page.getByRole('button', { name: '申し込みを取り消す' }).click();
		await expect(first.page.getByText('申し込みを取り消しました。')).toBeVisible();
		// The place went to the one waiting, so the activity is full again.
		await expect(
			first.page.getByRole('button', { name: 'キャンセル待ちに申し込む' })
		).toBeVisible();

		await second.page.reload();
		await expect(second.page.getByRole('status')).toHaveText('参加が決まっています。');

		// Attendance waits for the start; then the organiser ticks who came.
		const attendance = `/organise/events/${event.id}`;
		await organiser.goto(attendance);
		await expect(organiser.getByText('出席は活動が始まってから記録できます。')).toBeVisible();
		await expect(organiser.getByText(second.nickname)).toBeVisible();
		await expect(organiser.getByText(first.nickname)).toHaveCount(0);

		await organiser.waitForTimeout(Math.max(0, event.startsAt.getTime() - Date.now() + 1_000));
		await organiser.goto(attendance);
		await organiser.getByRole('checkbox', { name: second.nickname }).check();
		await organiser.getByRole('button', { name: '出席を記録する' }).click();
		await expect(organiser.getByText('出席を記録しました（1 人）。')).toBeVisible();

		await second.page.goto('/volunteer');
		await expect(volunteerFigure(second.page, '参加した活動')).toHaveText('1');
	});

	test('an activity that ends before it starts is refused beside the end, keeping what was typed', async ({
		organiser
	}) => {
		await organiser.goto('/organise/events/new');
		await organiser.getByLabel('活動の名前').fill('公園の草取り');
		await organiser.getByLabel('開始（日本時間）').fill('2030-05-10T10:00');
		await organiser.getByLabel('終了（日本時間）').fill('2030-05-10T09:00');
		await organiser.getByLabel('集合場所').fill('千葉公園 ボート乗り場');
		await organiser.getByRole('button', { name: '活動を登録する' }).click();

		const ends = organiser.getByLabel('終了（日本時間）');
		await expect(ends).toHaveAttribute('aria-invalid', 'true');
		await expect(ends).toHaveAccessibleDescription(containing('終了は開始より後にしてください。'));
		await expect(organiser.getByLabel('活動の名前')).toHaveValue('公園の草取り');
		await expect(organiser.getByLabel('集合場所')).toHaveValue('千葉公園 ボート乗り場');
	});
});
