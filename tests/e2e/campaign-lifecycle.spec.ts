import { CHIBA_STATION, EntryForm } from './entry-form';
import { expect, test } from './fixtures';
import { closeCampaign } from './organiser';
import { unique } from './people';
import { REAL_PHOTOS } from './photos';

test('a photo hunt the organiser creates is listed as open, and once closed early it takes no more entries and shows as closed', async ({
	organiser,
	newCampaign,
	citizen,
	realPhoto
}) => {
	const campaign = await newCampaign({
		title: unique('チームカラーを探せ '),
		description: '街なかで見つけたチームカラーの写真を送ってください。',
		wards: ['中央区', '稲毛区'],
		pointsPerEntry: 25,
		moderation: 'auto'
	});

	await citizen.page.goto('/campaigns');
	const open = citizen.page.getByRole('region', { name: /開催中/ });
	await expect(open.getByRole('link', { name: campaign.title })).toBeVisible();
	await open.getByRole('link', { name: campaign.title }).click();
	const about = citizen.page.getByRole('region', { name: 'キャンペーンについて' });
	await expect(about).toContainText('街なかで見つけたチームカラーの写真を送ってください。');
	await expect(about.getByRole('listitem')).toHaveText(['中央区', '稲毛区']);
	await expect(about).toContainText('投稿はすぐに掲載されます。');
	await expect(citizen.page.getByText('25ポイント')).toBeVisible();

	// The resident has the form open while the organiser closes the campaign.
	const form = await EntryForm.joinAndOpen(citizen.page, campaign);
	await form.choosePhoto(realPhoto(REAL_PHOTOS.coolpix));
	await form.typePoint(CHIBA_STATION);
	await closeCampaign(organiser, campaign);
	await form.send();

	await expect(citizen.page.getByRole('alert')).toHaveText(
		'このキャンペーンは受付を終えたため、送信できませんでした。'
	);
	await citizen.page.reload();
	await expect(citizen.page.getByRole('alert')).toHaveText(
		'このキャンペーンは受付期間外のため、いまは応募できません。'
	);
	await expect(citizen.page.getByRole('button', { name: '送信する' })).toHaveCount(0);

	await citizen.page.goto(campaign.path);
	await expect(citizen.page.getByRole('main').getByText('審査中', { exact: true })).toBeVisible();
	await expect(citizen.page.getByText(/受付は終了しました。/)).toBeVisible();
	await expect(citizen.page.getByRole('link', { name: '写真を投稿する' })).toHaveCount(0);
	await expect(citizen.page.getByRole('region', { name: 'ギャラリー' })).toContainText(
		'まだ投稿はありません。'
	);

	await citizen.page.goto('/campaigns');
	const closed = citizen.page.getByRole('region', { name: /審査中/ });
	await expect(closed.getByRole('link', { name: campaign.title })).toBeVisible();
	await expect(
		citizen.page.getByRole('region', { name: /開催中/ }).getByRole('link', { name: campaign.title })
	).toHaveCount(0);
});
