import { getLocale } from '$lib/paraglide/runtime';
import { DIFFICULTIES, type Difficulty } from '$lib/schemas/volunteer';
import { actorOf } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import * as fixes from '$lib/server/fixes';
import type { PageServerLoad } from './$types';

/** A coordinate from the query string, or null when absent or out of range. */
function coordinate(value: string | null, limit: number): number | null {
	if (value === null || value.trim() === '') return null;
	const number = Number(value);
	return Number.isFinite(number) && Math.abs(number) <= limit ? number : null;
}

/** Great-circle distance in metres (haversine; plenty for "how far to walk"). */
function metresBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLon = (b.lon - a.lon) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals);
	const wards = await areas.listWards(actor);
	const wardParam = url.searchParams.get('ward') ?? '';
	const wardCode = wards.some((w) => w.code === wardParam) ? wardParam : '';
	const difficultyParam = url.searchParams.get('difficulty') ?? '';
	const difficulty = (DIFFICULTIES as readonly string[]).includes(difficultyParam)
		? (difficultyParam as Difficulty)
		: '';
	const lat = coordinate(url.searchParams.get('lat'), 90);
	const lon = coordinate(url.searchParams.get('lon'), 180);
	const near = lat !== null && lon !== null ? { lon, lat } : null;

	const found = await fixes.list(actor, {
		wardCode: wardCode || null,
		difficulty: difficulty || null,
		near
	});

	const ja = getLocale() === 'ja';
	const wardNames = new Map(wards.map((w) => [w.code, ja ? w.nameJa : w.nameEn]));
	return {
		filter: { ward: wardCode, difficulty, near },
		wards: wards.map((w) => ({ code: w.code, name: wardNames.get(w.code)! })),
		fixes: found.map((fix) => ({
			id: fix.id,
			title: fix.title,
			lon: fix.lon,
			lat: fix.lat,
			ward: fix.wardCode ? (wardNames.get(fix.wardCode) ?? '') : '',
			address: fix.address,
			difficulty: fix.difficulty,
			points: fix.points,
			claimable: fix.claimable,
			heldByMe: fix.holder?.mine ?? false,
			distanceM: near ? Math.round(metresBetween(near, fix)) : null
		})),
		isVolunteer: actor?.roles.includes('volunteer') ?? false
	};
};
