import { expect, test } from './fixtures';
import { unique } from './people';

/** Chiba City Hall, 中央区: inside the city. */
const CITY_HALL = { lat: '35.6074', long: '140.1233' };

test('an admin creates an API key that is shown once, another system files a report with it, and a revoked key is refused', async ({
	organiser: admin,
	playwright,
	baseURL
}) => {
	const label = unique('近隣市311-');
	// From the header's one admin link, through the administration page.
	await admin.goto('/');
	await admin
		.getByRole('navigation', { name: 'メインメニュー' })
		.getByRole('link', { name: '管理', exact: true })
		.click();
	await expect(admin.getByRole('heading', { level: 1, name: '管理' })).toBeVisible();
	await admin.getByRole('link', { name: 'APIキー' }).click();
	await admin.getByLabel('キーの利用先').fill(label);
	await admin.getByRole('button', { name: 'キーを発行' }).click();

	await expect(admin.getByRole('status')).toContainText(`「${label}」のキーを発行しました`);
	const key = await admin.getByRole('textbox', { name: '発行したキー' }).inputValue();
	expect(key).toMatch(/^mq_[A-Za-z0-9_-]{43}$/);
	const row = admin.getByRole('row').filter({ hasText: label });
	await expect(row).toContainText(key.slice(0, 8));

	// Shown once: the list never shows the key again.
	await admin.goto('/admin/api-keys');
	await expect(admin.getByRole('textbox', { name: '発行したキー' })).toHaveCount(0);
	expect(await admin.content()).not.toContain(key);

	// Another city's server: a form-encoded post with no Origin header and no cookies.
	const system = await playwright.request.newContext({ baseURL });
	const filed = await system.post('/open311/v2/requests.json', {
		form: {
			api_key: key,
			service_code: 'road-damage',
			...CITY_HALL,
			description: 'Open311 E2E: a pothole by the city hall',
			first_name: 'Taro',
			phone: '043-000-0000'
		}
	});
	expect(filed.status()).toBe(200);
	const [{ service_request_id: number }] = (await filed.json()) as { service_request_id: number }[];
	const read = await system.get(`/open311/v2/requests/${number}.xml`);
	expect(await read.text()).toContain('<status>open</status>');

	await admin.goto('/admin/api-keys');
	await expect(row).toContainText('有効');
	await row.getByRole('button', { name: `「${label}」のキーを無効にする` }).click();
	await expect(admin.getByRole('status')).toContainText(`「${label}」のキーを無効にしました`);
	await expect(row).toContainText('に無効化');

	const refused = await system.post('/open311/v2/requests.xml', {
		form: { api_key: key, service_code: 'road-damage', ...CITY_HALL, description: 'again' }
	});
	expect(refused.status()).toBe(403);
	expect(await refused.text()).toContain('<errors>');
	await system.dispose();
});

test('the site refuses cross-site form posts to its own forms, and only Open311 posts are exempt', async ({
	playwright,
	baseURL
}) => {
	const outsider = await playwright.request.newContext({ baseURL });
	const form = { email: 'organiser@example.jp', password: 'machi-quest-demo' };

	const foreign = await outsider.post('/signin', {
		form,
		headers: { origin: 'https://attacker.example' },
		maxRedirects: 0
	});
	expect(foreign.status()).toBe(403);
	expect(await foreign.text()).toBe('Cross-site POST form submissions are forbidden');
	const missing = await outsider.post('/signin', { form, maxRedirects: 0 });
	expect(missing.status()).toBe(403);

	// The exemption lets the request reach the endpoint, whose key check then answers.
	const open311 = await outsider.post('/open311/v2/requests.json', {
		form: { api_key: 'not-a-key', service_code: 'road-damage', description: 'x' }
	});
	expect(open311.status()).toBe(403);
	expect(await open311.json()).toEqual([
		{ code: 403, description: expect.stringContaining('api_key') as unknown }
	]);
	await outsider.dispose();
});

test('visitors are sent to sign in and residents are refused the API keys and administration pages', async ({
	citizen,
	freshPage
}) => {
	await citizen.page.goto('/admin/api-keys');
	await expect(citizen.page.getByText('APIキーは管理者だけが管理できます。')).toBeVisible();
	await expect(
		citizen.page
			.getByRole('navigation', { name: 'メインメニュー' })
			.getByRole('link', { name: '管理', exact: true })
	).toHaveCount(0);
	expect((await citizen.page.goto('/admin'))?.status()).toBe(403);
	await expect(citizen.page.getByText('管理のページは管理者だけが開けます。')).toBeVisible();

	const visitor = await freshPage();
	await visitor.goto('/admin/api-keys');
	await expect(visitor).toHaveURL(/\/signin\?next=%2Fadmin%2Fapi-keys/);
});
