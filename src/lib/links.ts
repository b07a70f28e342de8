import type { ResolvedPathname } from '$app/types';
import { localizeHref } from '$lib/paraglide/runtime';

/**
 * A site path in the current locale (`/signin`, or `/en/signin` in English), typed as the
 * resolved pathname it is: the app has no base path, so nothing else needs adding. The type
 * lets links pass svelte/no-navigation-without-resolve, which cannot see through localizeHref.
 */
export function localHref(path: string): ResolvedPathname {
	return localizeHref(path) as ResolvedPathname;
}
