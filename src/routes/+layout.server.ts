import type { LayoutServerLoad } from './$types';

/** Only what every page's header needs: never the id or anything private. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user ? { nickname: locals.user.nickname, roles: locals.user.roles } : null;
	return { user };
};
