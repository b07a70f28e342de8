import { expect, test } from './fixtures';

test('the health endpoint reports the server ready with its database', async ({ request }) => {
	const response = await request.get('/api/health');

	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	const body = await response.json();
	expect(body.status).toBe('ok');
	expect(body.database).toBe('pglite');
	expect(body.migrations).toBeGreaterThan(0);
});
