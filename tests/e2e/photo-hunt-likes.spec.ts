import { CHIBA_STATION, EntryForm } from './entry-form';
import { expect, test } from './fixtures';
import { newResident, registerThroughForm } from './people';
import { REAL_PHOTOS } from './photos';

test('a resident likes and unlikes another’s entry in the gallery; the organiser features it, then hides it with a reason the entrant reads', async ({
	citizen,
	openCampaign,
	organiser,
	freshPage,
	realPhoto
}) => {
	// Two residents and an organiser, each in a browser of their own: more than a minute on a busy machine.
	test.slow();
	const comment = 'イエローの看板を見つけました';
	const form = await EntryForm.joinAndOpen(citizen.page, openCampaign);
	await form.choosePhoto(realPhoto(REAL_PHOTOS.coolpix));
	await form.typePoint(CHIBA_STATION);
	await form.comment.fill(comment);
	await form.send();
	const ownCard = citizen.page
		.getByRole('region', { name: 'ギャラリー' })
		.getByRole('listitem')
		.filter({ hasText: comment });
	await expect(ownCard).toContainText('あなたの投稿');
	await expect(ownCard.getByRole('button', { name: 'いいね' })).toHaveCount(0);

	const fan = await registerThroughForm(await freshPage(), newResident());
	await fan.page.goto(openCampaign.path);
	const card = fan.page
		.getByRole('region', { name: 'ギャラリー' })
		.getByRole('listitem')
		.filter({ hasText: comment });
	await card.getByRole('button', { name: 'いいね', exact: true }).click();
	await expect(card).toContainText('いいね 1件');
	const unlike = card.getByRole('button', { name: 'いいねを取り消す' });
	await expect(unlike).toHaveAttribute('aria-pressed', 'true');
	await fan.page.reload();
	await expect(card).toContainText('いいね 1件');
	await unlike.click();
	await expect(card).toContainText('いいね 0件');
	await expect(card.getByRole('button', { name: 'いいね', exact: true })).toHaveAttribute(
		'aria-pressed',
		'false'
	);

	await organiser.goto(`/organise/campaigns/${openCampaign.id}`);
	const published = organiser.getByRole('region', { name: '掲載中の投稿' });
	const entry = published.getByRole('listitem').filter({ hasText: comment });
	await entry.getByRole('button', { name: '注目にする' }).click();
	await expect(organiser.getByText('投稿を注目にしました。')).toBeVisible();
	await expect(entry).toContainText('注目');

	await fan.page.reload();
	await expect(card.getByText('注目', { exact: true })).toBeVisible();

	// Hiding without a reason is refused beside the entry, then done with one.
	await entry.getByRole('button', { name: '非表示にする' }).click();
	await expect(entry.getByRole('alert')).toHaveText('理由を入力してください。');
	await entry
		.getByLabel('理由（投稿者に表示されます）')
		.last()
		.fill('ナンバープレートが写っています');
	await entry.getByRole('button', { name: '非表示にする' }).click();
	await expect(
		organiser.getByText('投稿を非表示にしました。ポイントは取り消されました。')
	).toBeVisible();

	await fan.page.reload();
	await expect(fan.page.getByRole('region', { name: 'ギャラリー' })).toContainText(
		'まだ投稿はありません。'
	);
	await citizen.page.goto(openCampaign.path);
	await expect(citizen.page.getByText('非表示', { exact: true })).toBeVisible();
	await expect(citizen.page.getByText('理由：ナンバープレートが写っています')).toBeVisible();
});
