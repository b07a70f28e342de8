import { CHIBA_STATION } from './entry-form';
import { DEMO_ORGANISER, expect, test } from './fixtures';
import { newResident, registerThroughForm, signIn } from './people';
import { jpegWithGps, REAL_PHOTOS } from './photos';
import { pointInChuo, ReportForm } from './report-form';

/** Ichihara City Hall: just south of Chiba City, in a neighbour the database knows. */
const ICHIHARA = { lat: '35.498', lon: '140.1156' };

const OUTSIDE_CITY = 'この場所は千葉市の外です。千葉市内の場所を選んでください。';

test.describe('reporting a problem', () => {
	test('a visitor is sent to sign in first', async ({ page }) => {
		await page.goto('/reports/new?category=streetlight');
		await expect(page).toHaveURL(/\/signin\?next=%2Freports%2Fnew%3Fcategory%3Dstreetlight$/);
	});

	test('a new resident reports a broken bench with a photo and a point on the map', async ({
		citizen,
		realPhoto
	}) => {
		const page = citizen.page;
		await page.getByRole('link', { name: 'レポートする' }).click();
		const form = new ReportForm(page);
		await expect(page.getByText('壊れた遊具やベンチ')).toBeVisible();

		await form.category('公園の遊具・ベンチ').check();
		await form.description.fill('ベンチの板が割れています');
		await form.choosePhotos(realPhoto(REAL_PHOTOS.nokia));
		await expect(
			page.getByText('地図をクリックするか、印をドラッグしても場所を選べます。')
		).toBeVisible();
		await form.map.click();
		await expect(form.latitude).not.toHaveValue('');
		await form.send();

		expect(await form.expectCreated()).toBeGreaterThan(0);
	});

	test('a report drive link preselects its category; a place in Ichihara is refused as theirs', async ({
		citizen
	}) => {
		const form = await ReportForm.open(citizen.page, '?category=streetlight');
		await expect(form.category('街灯の不具合')).toBeChecked();
		await form.description.fill('街灯が消えています');
		await form.typePoint(ICHIHARA);
		await form.send();

		await form.expectLocationRefused('この場所は市原市の区域です。市原市にご連絡ください。');
		await expect(form.description).toHaveValue('街灯が消えています');
	});

	test("a photo's position in Europe is offered and refused as outside the city, with the photo kept", async ({
		citizen,
		realPhoto
	}) => {
		const form = await ReportForm.open(citizen.page);
		await form.category('道路の損傷').check();
		await form.description.fill('チェコで撮った穴');
		await form.choosePhotos(realPhoto(REAL_PHOTOS.pixel));
		await form.send();

		await form.expectLocationRefused(`写真の位置情報から場所を入れました。${OUTSIDE_CITY}`);
		await expect(form.latitude).toHaveValue('50.299603');
		await expect(form.keptPhotos()).toHaveCount(1);

		await form.typePoint(pointInChuo());
		await form.send();
		await form.expectCreated();
	});

	test('a second report of the same kind at the same place offers the first; "me too" follows it', async ({
		citizen,
		freshPage
	}) => {
		const place = pointInChuo();
		const first = await ReportForm.open(citizen.page);
		await first.category('ごみの不法投棄').check();
		await first.description.fill('粗大ごみが置かれています');
		await first.choosePhotos(await jpegWithGps({ lat: Number(place.lat), lon: Number(place.lon) }));
		await first.send();
		// The photo's position is a suggestion: it is filled in, and sent only when confirmed.
		await expect(first.status).toHaveText(/写真の位置情報から場所を入れました。/);
		await expect(first.latitude).not.toHaveValue('');
		expect(Number(await first.latitude.inputValue())).toBeCloseTo(Number(place.lat), 4);
		await first.send();
		const number = await first.expectCreated();

		const neighbour = await registerThroughForm(await freshPage(), newResident('美浜区'));
		const second = await ReportForm.open(neighbour.page, '?category=dumping');
		await second.description.fill('ソファが捨てられています');
		await second.typePoint(place);
		await second.send();

		const offered = second.nearby.getByRole('listitem');
		await expect(offered).toHaveCount(1);
		await expect(offered).toContainText(`No.${number}`);
		await expect(offered).toContainText('粗大ごみが置かれています');
		await expect(offered).toContainText(/ここから約\d+ m/);
		await expect(offered.getByRole('img', { name: `No.${number}の写真` })).toBeVisible();

		await offered.getByRole('button', { name: 'わたしも（これをフォロー）' }).click();
		await neighbour.page.waitForURL(new RegExp(`/reports/${number}$`));

		// Coming back to the same place, the report now counts the neighbour's "me too".
		const again = await ReportForm.open(neighbour.page, '?category=dumping');
		await again.description.fill('まだあります');
		await again.typePoint(place);
		await again.send();
		await expect(again.nearby.getByRole('listitem')).toContainText('わたしも 1人');
		await again.press('別の困りごとなので送る');
		expect(await again.expectCreated()).toBeGreaterThan(number);
	});

	test('a description with line breaks that fits the counter is accepted, though sent as CRLF', async ({
		citizen
	}) => {
		const form = await ReportForm.open(citizen.page);
		await form.category('その他').check();
		// 999 characters as the page counts them; the browser sends each break as two.
		await form.description.fill(Array.from({ length: 250 }, () => 'abc').join('\n'));
		await expect(citizen.page.getByText('(999/1000)')).toBeVisible();
		await form.ward.selectOption({ label: '稲毛区' });
		await form.address.fill('稲毛区役所の前');
		await form.send();

		await form.expectCreated();
	});

	test('photos too large to send together are refused without losing what was typed', async ({
		citizen
	}) => {
		const form = await ReportForm.open(citizen.page);
		await form.category('その他').check();
		await form.description.fill('大きな写真が2枚あります');
		await form.ward.selectOption({ label: '稲毛区' });
		await form.address.fill('稲毛区役所の前');
		// Each under the 15 MB a photo may have, together over the 20 MB a request may carry.
		const large = (name: string) => ({
			name,
			mimeType: 'image/jpeg',
			buffer: Buffer.alloc(14 * 1024 * 1024, 1)
		});
		await form.photos.setInputFiles([large('one.jpg'), large('two.jpg')]);
		await form.send();

		await expect(form.photos).toHaveAccessibleDescription(
			/写真を合わせると大きすぎて送れませんでした。1枚ずつ選んで送ってください。/
		);
		await expect(form.description).toHaveValue('大きな写真が2枚あります');
		await expect(form.category('その他')).toBeChecked();
		await expect(form.ward).toHaveValue('12103');
		await expect(form.address).toHaveValue('稲毛区役所の前');
	});

	test('staff take a phone call with the caller’s details and a ward with an address', async ({
		freshPage
	}) => {
		const page = await freshPage();
		await signIn(page, DEMO_ORGANISER);
		const form = await ReportForm.open(page);
		const intake = page.getByRole('group', { name: '受付（職員用）' });
		await expect(intake).toBeVisible();
		await expect(page.getByLabel('連絡した方のお名前')).toBeHidden();

		await intake.getByRole('radio', { name: '電話' }).check();
		await page.getByLabel('連絡した方のお名前').fill('千葉 花子');
		await page.getByLabel('連絡した方の電話番号').fill('電話して');
		await page.getByLabel('連絡した方のメールアドレス').fill('hanako@example.jp');
		await form.category('道路の損傷').check();
		await form.description.fill('歩道に段差があるとの電話');
		await form.ward.selectOption({ label: '花見川区' });
		await form.address.fill('花見川区役所の前');
		await form.send();
		await expect(page.getByLabel('連絡した方の電話番号')).toHaveAccessibleDescription(
			/電話番号は数字とハイフンで入力してください。/
		);

		await page.getByLabel('連絡した方の電話番号').fill('043-275-6111');
		await form.send();
		await form.expectCreated();
	});
});

test.describe('reporting without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a report by ward and address keeps its photo through a refusal, and a second one at the same point is sent anyway', async ({
		page,
		realPhoto
	}) => {
		await registerThroughForm(page, newResident('若葉区'));
		const form = await ReportForm.open(page);
		await expect(form.map).toHaveCount(0);
		await form.category('道路の損傷').check();
		await form.choosePhotos(realPhoto(REAL_PHOTOS.coolpix));
		await form.ward.selectOption({ label: '若葉区' });
		await form.address.fill('若葉区役所の前');
		await form.send();

		await expect(page.getByLabel('内容', { exact: true })).toHaveAccessibleDescription(
			/内容を書いてください。/
		);
		await expect(form.keptPhotos()).toHaveCount(1);
		await form.description.fill('マンホールのふたが浮いています');
		await form.send();
		await form.expectCreated();

		// The same person at one point twice: their own open report is offered first.
		const place = { lat: String(Number(CHIBA_STATION.lat) + 0.0031), lon: CHIBA_STATION.lon };
		const first = await ReportForm.open(page);
		await first.category('街灯の不具合').check();
		await first.description.fill('街灯が点滅しています');
		await first.typePoint(place);
		await first.send();
		const number = await first.expectCreated();

		const second = await ReportForm.open(page);
		await second.category('街灯の不具合').check();
		await second.description.fill('隣の街灯も消えています');
		await second.choosePhotos(realPhoto(REAL_PHOTOS.nokia));
		await second.typePoint(place);
		await second.send();
		await expect(second.nearby.getByRole('listitem')).toContainText(`No.${number}`);
		await expect(second.keptPhotos()).toHaveCount(1);

		await second.press('別の困りごとなので送る');
		expect(await second.expectCreated()).toBeGreaterThan(number);
	});
});
