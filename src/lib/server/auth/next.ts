import { localizeHref } from '$lib/paraglide/runtime';

/**
 * Where to go after signing in or registering: the `next` parameter when it is a path on this
 * site, else the home page. Anything else (`//evil.example`, `/\evil.example`, `https://…`)
 * would make our sign-in form a springboard to another site (an open redirect).
 */
export function nextPath(url: URL): string {
	const next = url.searchParams.get('next');
	if (next && next.startsWith('/') && !next.includes('\\')) {
		const resolved = new URL(next, url.origin);
		if (resolved.origin === url.origin) return resolved.pathname + resolved.search + resolved.hash;
	}
	return localizeHref('/');
}
