import { expect, test } from './fixtures';
import { newResident, registerThroughForm } from './people';

test('a wrong password gets the same message as an unknown email address', async ({
	page,
	freshPage
}) => {
	const person = await registerThroughForm(await freshPage(), newResident());
	const email = page.getByLabel('メールアドレス');
	const refusal = page.getByRole('alert');

	/** Tries to sign in on a fresh sign-in page and returns the refusal it shows. */
	async function attempt(account: { email: string; password: string }) {
		await page.goto('/signin');
		await email.fill(account.email);
		await page.getByLabel('パスワード').fill(account.password);
		await page.getByRole('button', { name: 'サインイン' }).click();
		await expect(refusal).toBeVisible();
		await expect(email).toHaveValue(account.email);
		return (await refusal.textContent())?.trim();
	}

	const wrongPassword = await attempt({ ...person, password: `${person.password}-wrong` });
	const unknownEmail = await attempt({ ...person, email: newResident().email });

	expect(wrongPassword).toBe('メールアドレスまたはパスワードが違います。');
	expect(unknownEmail).toBe(wrongPassword);
	await expect(page).toHaveURL((url) => url.pathname === '/signin');
});

test('signing out ends the session, so the account page then asks to sign in', async ({
	citizen
}) => {
	const { page } = citizen;
	await page.getByRole('link', { name: 'アカウント' }).click();
	await expect(page.getByRole('heading', { name: 'アカウント', level: 1 })).toBeVisible();
	await expect(page.getByText(citizen.nickname)).toBeVisible();

	await page
		.getByRole('navigation', { name: 'メインメニュー' })
		.getByRole('button', { name: 'サインアウト' })
		.click();
	await expect(
		page
			.getByRole('navigation', { name: 'メインメニュー' })
			.getByRole('link', { name: 'サインイン' })
	).toBeVisible();

	await page.goto('/account');
	await expect(page).toHaveURL((url) => url.pathname === '/signin');
	await expect(page.getByRole('heading', { name: 'サインイン', level: 1 })).toBeVisible();
});
