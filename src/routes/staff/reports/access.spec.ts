import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import * as queuePage from './+page.server';
import * as workPage from './[number]/+page.server';

// Every staff page and form action turns people away before it reads the form or touches the
// database: a visitor is sent to sign in, a signed-in citizen gets 403.

type Handler = (event: never) => unknown;

const handlers: [string, Handler][] = [
	['queue page', queuePage.load as Handler],
	...Object.entries(queuePage.actions).map(([name, action]): [string, Handler] => [
		`queue action ${name}`,
		action as Handler
	]),
	['work page', workPage.load as Handler],
	...Object.entries(workPage.actions).map(([name, action]): [string, Handler] => [
		`work action ${name}`,
		action as Handler
	])
];

const citizen = { id: '00000000-0000-4000-8000-000000000001', nickname: 'c', roles: ['citizen'] };

function event(user: typeof citizen | null) {
	const url = new URL('http://localhost/staff/reports/1');
	return {
		locals: { user, sessionId: null },
		url,
		params: { number: '1' },
		request: new Request(url, { method: 'POST', body: new FormData() })
	} as never;
}

async function outcome(handler: Handler, user: typeof citizen | null): Promise<unknown> {
	try {
		await handler(event(user));
	} catch (thrown) {
		return thrown;
	}
	return null;
}

describe('staff pages and form actions', () => {
	it('cover the queue page, its bulk assignment and every form of the work page', () => {
		expect(Object.keys(queuePage.actions)).toEqual(['assign']);
		expect(Object.keys(workPage.actions).sort()).toEqual(
			['note', 'reassign', 'repair', 'status', 'volunteers'].sort()
		);
	});

	it.each(handlers)('%s sends a visitor to sign in, coming back afterwards', async (_, handler) => {
		const thrown = await outcome(handler, null);
		expect(isRedirect(thrown)).toBe(true);
		if (!isRedirect(thrown)) return;
		expect(thrown.status).toBe(303);
		expect(thrown.location).toMatch(/\/signin\?next=%2Fstaff%2Freports%2F1$/);
	});

	it.each(handlers)('%s answers 403 to a citizen', async (_, handler) => {
		const thrown = await outcome(handler, citizen);
		expect(isHttpError(thrown)).toBe(true);
		if (isHttpError(thrown)) expect(thrown.status).toBe(403);
	});
});
