import { CHIBA_STATION, EntryForm, expectEntryPublished } from './entry-form';
import { expect, test } from './fixtures';
import { REAL_PHOTOS, textNamedJpeg } from './photos';

test.describe('the photo of an entry', () => {
	test('an iPhone HEIC photo is accepted and shown in the gallery', async ({
		citizen,
		openCampaign,
		realPhoto
	}) => {
		const form = await EntryForm.joinAndOpen(citizen.page, openCampaign);
		await form.choosePhoto(realPhoto(REAL_PHOTOS.iphoneHeic));
		await form.send();

		// Its GPS (Sicily) is read from the HEIC and offered, and the photo is kept.
		await expect(form.status).toHaveText(/位置は写真の記録から提案しました。/);
		await expect(form.latitude).toHaveValue(/^38\.04/);
		await expect(form.pendingPhoto).toBeVisible();

		await form.typePoint(CHIBA_STATION);
		await form.comment.fill('iPhoneで撮った千葉駅');
		await form.send();

		await expectEntryPublished(citizen.page, openCampaign, {
			nickname: citizen.nickname,
			photoName: 'iPhoneで撮った千葉駅'
		});
	});

	test('a damaged, a 280-megapixel and a not-an-image file each get their message beside the photo, and the typed values stay', async ({
		citizen,
		openCampaign,
		realPhoto
	}) => {
		const form = await EntryForm.joinAndOpen(citizen.page, openCampaign);
		await form.typePoint(CHIBA_STATION);
		await form.comment.fill('駅前のフラッグ');

		const refusals = [
			{ file: realPhoto(REAL_PHOTOS.truncated), message: /写真のファイルが壊れているため/ },
			{ file: realPhoto(REAL_PHOTOS.giant), message: /写真の画素数が多すぎます。50メガピクセル/ },
			{ file: textNamedJpeg(), message: /画像ファイルではありません。/ }
		];
		for (const { file, message } of refusals) {
			await form.choosePhoto(file);
			await form.send();

			await form.expectPhotoRefused(message);
			await expect(form.pendingPhoto).toBeHidden();
			await expect(form.latitude).toHaveValue(CHIBA_STATION.lat);
			await expect(form.longitude).toHaveValue(CHIBA_STATION.lon);
			await expect(form.comment).toHaveValue('駅前のフラッグ');
		}

		// The server is still up and serving pages.
		const health = await citizen.page.request.get('/api/health');
		expect(health.status()).toBe(200);
	});
});
