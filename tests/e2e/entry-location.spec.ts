import { CHIBA_STATION, EntryForm, OUTSIDE_ALL_WARDS, expectEntryPublished } from './entry-form';
import { expect, test } from './fixtures';
import { jpegWithGps, REAL_PHOTOS } from './photos';

/** Chiba City's extent, with a little room: a point outside it cannot be in any ward. */
const inChibaCity = (lat: number, lon: number) =>
	lat > 35.49 && lat < 35.72 && lon > 140.01 && lon < 140.31;

test.describe('the place of an entry', () => {
	test("a photo's GPS from abroad is offered, refused as outside the area, and accepted once moved into Chiba on the map", async ({
		citizen,
		openCampaign,
		realPhoto
	}) => {
		const form = await EntryForm.joinAndOpen(citizen.page, openCampaign);
		await form.choosePhoto(realPhoto(REAL_PHOTOS.pixel));
		await form.comment.fill('チェコで撮った写真');
		await form.send();

		await expect(form.status).toHaveText(/位置は写真の記録から提案しました。/);
		await expect(form.latitude).toHaveValue('50.299603');
		await expect(form.longitude).toHaveValue('14.820294');
		await expect(form.pendingPhoto).toBeVisible();

		await form.send();
		await form.expectLocationRefused(OUTSIDE_ALL_WARDS);

		// The map frames the campaign's area when it opens, so its middle lies inside the city.
		await expect(
			form.page.getByText('地図をクリックするか、印をドラッグしても場所を選べます。')
		).toBeVisible();
		await form.map.click();
		await expect(form.latitude).not.toHaveValue('50.299603');
		const lat = Number(await form.latitude.inputValue());
		const lon = Number(await form.longitude.inputValue());
		expect(inChibaCity(lat, lon), `the map's middle (${lat}, ${lon}) is in Chiba City`).toBe(true);
		await expect(form.location.getByText(OUTSIDE_ALL_WARDS)).toBeHidden();

		await form.send();
		await expectEntryPublished(citizen.page, openCampaign, {
			nickname: citizen.nickname,
			photoName: 'チェコで撮った写真'
		});
	});

	test("a photo's GPS from abroad is accepted once the latitude and longitude are typed in Chiba", async ({
		citizen,
		openCampaign,
		realPhoto
	}) => {
		const form = await EntryForm.joinAndOpen(citizen.page, openCampaign);
		await form.choosePhoto(realPhoto(REAL_PHOTOS.pixel));
		await form.send();
		await expect(form.latitude).toHaveValue('50.299603');

		await form.send();
		await form.expectLocationRefused(OUTSIDE_ALL_WARDS);

		await form.typePoint(CHIBA_STATION);
		await form.comment.fill('千葉駅前のフラッグ');
		await form.send();

		await expectEntryPublished(citizen.page, openCampaign, {
			nickname: citizen.nickname,
			photoName: '千葉駅前のフラッグ'
		});
	});

	test('a ward chosen as the place, without coordinates, is accepted', async ({
		citizen,
		openCampaign,
		realPhoto
	}) => {
		const form = await EntryForm.joinAndOpen(citizen.page, openCampaign);
		await form.choosePhoto(realPhoto(REAL_PHOTOS.coolpix));
		await form.ward.selectOption({ label: '美浜区' });
		await form.send();

		// Without a comment the photo is described by who sent it and the ward it was taken in.
		await expectEntryPublished(citizen.page, openCampaign, {
			nickname: citizen.nickname,
			photoName: `${citizen.nickname}さんの投稿（美浜区）`
		});
	});

	test('a photo made with GPS inside Chiba is accepted at the place it suggests, unchanged', async ({
		citizen,
		openCampaign
	}) => {
		const form = await EntryForm.joinAndOpen(citizen.page, openCampaign);
		await form.choosePhoto(await jpegWithGps({ lat: 35.6074, lon: 140.1065 }));
		await form.comment.fill('駅前のチームカラー');
		await form.send();

		await expect(form.status).toHaveText(/位置は写真の記録から提案しました。/);
		await expect(form.latitude).toHaveValue('35.6074');
		await expect(form.longitude).toHaveValue('140.1065');

		await form.send();
		await expectEntryPublished(citizen.page, openCampaign, {
			nickname: citizen.nickname,
			photoName: '駅前のチームカラー'
		});
	});
});
