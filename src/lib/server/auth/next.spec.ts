import { describe, expect, it } from 'vitest';
import { nextPath } from './next';

const after = (next: string) =>
	nextPath(new URL(`http://localhost:3000/signin?next=${encodeURIComponent(next)}`));

describe('where sign-in leads', () => {
	it('goes back to a path on this site, with its query', () => {
		expect(after('/en/account?tab=1')).toBe('/en/account?tab=1');
	});

	it('never leaves the site, however the next parameter is dressed', () => {
		for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'evil']) {
			expect(after(next)).toBe('/');
		}
	});
});
