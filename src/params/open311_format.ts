import type { ParamMatcher } from '@sveltejs/kit';

/** The format suffix of an Open311 path: `.xml` (required by the specification) or `.json`. */
export const match = ((param: string): param is 'xml' | 'json' =>
	param === 'xml' || param === 'json') satisfies ParamMatcher;
