import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { requireInsightsReader } from './access';
import * as page from './+page.server';

// The staff dashboard turns people away before it reads anything: a visitor is sent to sign
// in, a signed-in citizen or volunteer gets 403; staff and organisers get through.

type Person = { id: string; nickname: string; roles: string[] };

const person = (roles: string[]): Person => ({
	id: '00000000-0000-4000-8000-000000000001',
	nickname: 'p',
	roles
});

const url = new URL('http://localhost/staff/insights?from=2026-01&to=2026-06');
const locals = (user: Person | null) => ({ user, sessionId: null }) as App.Locals;

async function outcome(user: Person | null): Promise<unknown> {
	try {
		await page.load({ locals: locals(user), url } as never);
	} catch (thrown) {
		return thrown;
	}
	return null;
}

describe('the staff dashboard', () => {
	it('sends a visitor to sign in, coming back to the same filters', async () => {
		const thrown = await outcome(null);
		expect(isRedirect(thrown)).toBe(true);
		if (isRedirect(thrown)) {
			expect(thrown.location).toMatch(
				/\/signin\?next=%2Fstaff%2Finsights%3Ffrom%3D2026-01%26to%3D2026-06$/
			);
		}
	});

	it.each([[['citizen']], [['citizen', 'volunteer']]])('answers 403 to %j', async (roles) => {
		const thrown = await outcome(person(roles));
		expect(isHttpError(thrown)).toBe(true);
		if (isHttpError(thrown)) expect(thrown.status).toBe(403);
	});

	it.each([[['staff']], [['citizen', 'organiser']]])('lets %j in', (roles) => {
		expect(requireInsightsReader(locals(person(roles)), url).roles).toEqual(roles);
	});
});
