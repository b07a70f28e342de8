import { CHIBA_STATION, EntryForm, expectEntryPublished } from './entry-form';
import { expect, test } from './fixtures';
import { REAL_PHOTOS } from './photos';

/** Tokyo Station: in Tokyo, so outside every Chiba ward. */
const TOKYO_STATION = { lat: '35.6812', lon: '139.7671' };

test('an entry refused for its place keeps the photo, and is sent once the place is fixed without choosing the photo again', async ({
	citizen,
	newCampaign,
	realPhoto
}) => {
	const campaign = await newCampaign({ wards: ['中央区', '美浜区'] });
	const form = await EntryForm.joinAndOpen(citizen.page, campaign);
	await form.choosePhoto(realPhoto(REAL_PHOTOS.coolpix));
	await form.typePoint(TOKYO_STATION);
	await form.comment.fill('東京駅で見つけた');
	await form.send();

	await form.expectLocationRefused(
		'この場所はキャンペーンの対象地域の外です。対象地域（中央区、美浜区）の中の場所を選んでください。'
	);
	await expect(form.pendingPhoto).toBeVisible();
	await expect(form.page.getByText('この写真を送ります。')).toBeVisible();
	await expect(form.photo).toHaveAccessibleName('別の写真を選ぶ');
	await expect(form.comment).toHaveValue('東京駅で見つけた');

	// Nothing is chosen again: the file field is empty, and the server's pending photo is used.
	await form.photo.setInputFiles([]);
	await form.typePoint(CHIBA_STATION);
	await form.comment.fill('千葉駅で見つけた');
	await form.send();

	await expectEntryPublished(citizen.page, campaign, {
		nickname: citizen.nickname,
		photoName: '千葉駅で見つけた'
	});
});
