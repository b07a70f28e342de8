import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { actorOf } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import * as people from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = actorOf(locals);
	const profile = await people.publicProfile(actor, params.nickname);
	if (!profile) error(404, m.profile_not_found());

	const ward = (await areas.listWards(actor)).find((w) => w.code === profile.homeWardCode);
	return {
		profile: {
			nickname: profile.nickname,
			level: profile.level,
			badges: profile.badges,
			ward: ward ? (getLocale() === 'ja' ? ward.nameJa : ward.nameEn) : null
		}
	};
};
