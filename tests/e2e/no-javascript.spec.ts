import { CHIBA_STATION, EntryForm, expectEntryPublished } from './entry-form';
import { expect, test } from './fixtures';
import { newResident, registerThroughForm } from './people';
import { REAL_PHOTOS } from './photos';

// Every page works as plain HTML forms: the map and the enhancements are extras.
test.use({ javaScriptEnabled: false });

test.describe('without JavaScript', () => {
	test('a resident registers, joins a campaign and sends an entry placed by its ward', async ({
		page,
		openCampaign,
		realPhoto
	}) => {
		const person = await registerThroughForm(page, newResident('稲毛区'));
		await page.goto('/account');
		await expect(page.getByText(person.nickname)).toBeVisible();
		await expect(page.getByText('稲毛区')).toBeVisible();

		const form = await EntryForm.joinAndOpen(page, openCampaign);
		await expect(form.map).toHaveCount(0);
		await form.choosePhoto(realPhoto(REAL_PHOTOS.nokia));
		await form.ward.selectOption({ label: '若葉区' });
		await form.comment.fill('若葉区の公園で');
		await form.send();

		await expectEntryPublished(page, openCampaign, {
			nickname: person.nickname,
			photoName: '若葉区の公園で'
		});
	});

	test('an entry refused for its place keeps the photo, and is sent once the place is fixed', async ({
		citizen,
		openCampaign,
		realPhoto
	}) => {
		const form = await EntryForm.joinAndOpen(citizen.page, openCampaign);
		await form.choosePhoto(realPhoto(REAL_PHOTOS.coolpix));
		await form.typePoint({ lat: '35.6812', lon: '139.7671' });
		await form.comment.fill('駅で見つけた');
		await form.send();

		await form.expectLocationRefused(/この場所はキャンペーンの対象地域の外です。/);
		await expect(form.pendingPhoto).toBeVisible();
		await expect(form.comment).toHaveValue('駅で見つけた');
		await expect(form.latitude).toHaveValue('35.6812');

		await form.typePoint(CHIBA_STATION);
		await form.send();

		await expectEntryPublished(citizen.page, openCampaign, {
			nickname: citizen.nickname,
			photoName: '駅で見つけた'
		});
	});
});
