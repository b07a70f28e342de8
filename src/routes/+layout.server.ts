import { actorOf } from '$lib/server/actor';
import * as notifications from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

/** Only what every page's header needs: never the id or anything private. */
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const user = locals.user ? { nickname: locals.user.nickname, roles: locals.user.roles } : null;
	const actor = actorOf(locals);
	// Reading the path makes this load run again on every navigation, so the unread count in the
	// header stays current without JavaScript polling.
	void url.pathname;
	const unreadNotifications = actor ? await notifications.unreadCount(actor) : 0;
	return { user, unreadNotifications };
};
