import { signInFirst } from '$lib/server/actor';
import { asUser } from '$lib/server/db';
import { homeWardChoices } from '$lib/server/auth/wards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user;
	if (!user) signInFirst(url);

	const [profile] = await asUser(
		user,
		(tx) => tx<{ homeWardCode: string }[]>`
		select home_ward_code as "homeWardCode" from public.profiles where id = ${user.id}`
	);
	const wards = await homeWardChoices();
	const ward = wards.find((choice) => choice.code === profile?.homeWardCode) ?? null;

	return { nickname: user.nickname, roles: user.roles, ward };
};
